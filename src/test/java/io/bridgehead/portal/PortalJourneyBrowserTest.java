package io.bridgehead.portal;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.bridgehead.access.PlatformRole;
import io.bridgehead.access.PortalRole;
import io.bridgehead.findings.FindingForm;
import io.bridgehead.findings.Findings;
import io.bridgehead.findings.Severity;
import io.bridgehead.notifications.Outbox;
import io.bridgehead.projects.ProjectStatus;
import io.bridgehead.support.ActingAs;
import io.bridgehead.support.Browser;
import io.bridgehead.support.TestClients;
import io.bridgehead.support.TestMail;
import io.bridgehead.support.TestPortal;
import io.bridgehead.support.TestWorkspaces;
import io.bridgehead.support.TestWorkspaces.TestUser;
import io.bridgehead.support.TestWorkspaces.TestWorkspace;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * The client portal in a real browser, both sides of it: an Admin enables the portal and invites a client Manager; the
 * Manager accepts through the link in the e-mail, sets a password, enrols an authenticator (codes computed from the
 * shown key), sees the dashboard, comments on a finding and marks it remediated; an analyst answers Partially fixed;
 * the Manager sees the verdict and the notification; a Viewer can neither comment nor mark remediated, and once the
 * Admin removes them their open page is signed out. No page logs an error or a Content Security Policy violation.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@DirtiesContext
class PortalJourneyBrowserTest {

    static final String INTERNAL_MARKER = "INTERNAL-ONLY-7F3Q-do-not-share";
    static final String TITLE = "Stored cross-site scripting in support tickets";
    static final String PROJECT = "Initech web application test";
    static final String CVSS31 = "CVSS:3.1/AV:N/AC:L/PR:L/UI:R/S:C/C:L/I:L/A:N";
    static final String MANAGER_NAME = "Grace Manager";
    static final String MANAGER_COMMENT = "Our team is on it; a fix ships with Thursday's release.";
    static final String REMEDIATION_NOTES = "Ticket bodies are now HTML-encoded on output; deployed in release 4.2.";
    static final String VERDICT_NOTE = "Fixed in tickets, but the ticket subject line still reflects the payload.";

    @LocalServerPort
    int port;

    @Autowired
    TestWorkspaces testWorkspaces;

    @Autowired
    TestClients testClients;

    @Autowired
    TestPortal testPortal;

    @Autowired
    Findings findings;

    @Autowired
    Outbox outbox;

    /** Console errors, uncaught script errors and CSP violations of every page, with the page's address. */
    final List<String> browserProblems = new CopyOnWriteArrayList<>();

    @Test
    void aClientManagerReportsAFixTheFirmAnswersAndARemovedViewerIsSignedOut() {
        // 1. The firm's side, made through the services -----------------------------------------------------------
        TestWorkspace workspace = testWorkspaces.create("Portal journey");
        TestUser analyst = testWorkspaces.addUser(workspace, PlatformRole.ANALYST);
        UUID client = testClients.create(workspace, "Initech");
        UUID project = testClients.project(workspace, analyst, PROJECT, client, ProjectStatus.IN_PROGRESS);
        UUID finding = ActingAs.call(
                workspace,
                analyst,
                () -> findings.create(
                        project,
                        new FindingForm(
                                TITLE,
                                Severity.MEDIUM,
                                CVSS31,
                                null,
                                null,
                                "The ticket body is stored and rendered **without encoding**.",
                                "A support agent's session can be taken over.",
                                "Encode output for its context.",
                                "",
                                "",
                                "Exploited with the test account; " + INTERNAL_MARKER,
                                null,
                                List.of())));
        String portal = "/portal/" + workspace.slug();
        String managerEmail = "grace.manager-" + UUID.randomUUID().toString().substring(0, 8) + "@initech.test";

        try (Browser browser = new Browser();
                BrowserContext adminContext = browser.newContext();
                BrowserContext managerContext = browser.newContext();
                BrowserContext analystContext = browser.newContext();
                BrowserContext viewerContext = browser.newContext()) {

            // 2. The Admin enables the portal and invites a Manager -----------------------------------------------
            Page admin = watched(adminContext.newPage());
            staffSignIn(admin, workspace.admin());
            admin.navigate(url("/clients/" + client));
            admin.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Client sections"))
                    .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Settings"))
                    .click();
            assertThat(admin).hasURL(url("/clients/" + client + "/settings"));
            assertThat(admin.locator("#portal")).containsText("Portal off");
            admin.getByRole(AriaRole.CHECKBOX, new Page.GetByRoleOptions().setName("Enable Client Portal"))
                    .check();
            button(admin, "Save portal settings").click();
            assertThat(admin.getByRole(AriaRole.STATUS)).containsText("Portal settings saved.");
            assertThat(admin.locator("#portal")).containsText("Portal on");
            assertThat(admin.locator("#portal code").first()).hasText(url(portal + "/login"));

            link(admin, "+ Add user").click();
            assertThat(admin).hasURL(url("/clients/" + client + "/portal-users/new"));
            admin.getByLabel("E-mail").fill(managerEmail);
            admin.getByLabel("Full name").fill("Grace M.");
            admin.getByRole(AriaRole.RADIO, new Page.GetByRoleOptions().setName(Pattern.compile("^Manager")))
                    .check();
            button(admin, "Send invitation").click();
            assertThat(admin.getByRole(AriaRole.STATUS)).containsText("Invitation sent to " + managerEmail + ".");
            Locator managerRow = admin.locator("#portal-users tr", new Page.LocatorOptions().setHasText(managerEmail));
            assertThat(managerRow).containsText("Manager");
            assertThat(managerRow).containsText("Invited");
            Browser.screenshot(admin, "portal-01-manager-invited");
            outbox.flush();

            // 3. The Manager accepts, sets a password, enrols an authenticator -----------------------------------
            Page manager = watched(managerContext.newPage());
            acceptInvitation(manager, workspace, managerEmail, MANAGER_NAME, true);
            assertThat(heading(manager, "Dashboard")).isVisible();
            assertThat(manager.locator("header.portal-bar")).containsText("Initech");
            assertThat(manager.locator("header.portal-bar")).containsText(MANAGER_NAME);
            Locator active =
                    manager.locator(".card", new Page.LocatorOptions().setHas(heading(manager, "Active projects")));
            assertThat(active.locator(".figure")).hasText("1");
            Locator open =
                    manager.locator(".card", new Page.LocatorOptions().setHas(heading(manager, "Open findings")));
            assertThat(open.locator(".figure")).hasText("1");
            Locator progress = manager.locator(".progress-list li");
            assertThat(progress).hasCount(1);
            assertThat(progress).containsText(PROJECT);
            assertThat(progress).containsText("0% fixed (0 of 1)");
            assertThat(manager.getByRole(AriaRole.PROGRESSBAR, new Page.GetByRoleOptions().setName(PROJECT)))
                    .hasAttribute("value", "0");
            Browser.screenshot(manager, "portal-04-dashboard");

            // 4. The Manager opens the finding, comments and marks it remediated ---------------------------------
            link(manager, PROJECT).click();
            assertThat(manager).hasURL(url(portal + "/projects/" + project));
            assertThat(heading(manager, PROJECT)).isVisible();
            link(manager, TITLE).click();
            assertThat(manager).hasURL(url(portal + "/findings/" + finding));
            assertThat(manager.locator("h1")).containsText("F-1");
            assertThat(manager.locator("h1")).containsText(TITLE);
            assertThat(manager.locator("main")).containsText("without encoding");
            assertThat(manager.locator("main")).containsText(CVSS31);
            assertThat(manager.locator("main")).containsText("5.4");
            assertThat(manager.content()).doesNotContain(INTERNAL_MARKER);

            manager.getByLabel("Add a comment").fill(MANAGER_COMMENT);
            button(manager, "Post comment").click();
            assertThat(manager.getByRole(AriaRole.STATUS)).containsText("Comment posted.");
            assertThat(manager.locator("#comments li.comment")).hasCount(1);
            assertThat(manager.locator("#comments li.comment")).containsText(MANAGER_NAME);
            assertThat(manager.locator("#comments li.comment")).containsText(MANAGER_COMMENT);

            manager.getByLabel("What did you fix? (required)").fill(REMEDIATION_NOTES);
            button(manager, "Mark as remediated").click();
            assertThat(manager.getByRole(AriaRole.STATUS))
                    .containsText("Marked as remediated. The firm will verify the fix.");
            assertThat(statusBadge(manager)).hasText("Pending verification");
            assertThat(history(manager).last()).containsText(REMEDIATION_NOTES);
            assertThat(button(manager, "Mark as remediated")).hasCount(0);
            Browser.screenshot(manager, "portal-05-marked-remediated");

            // 5. The analyst sees the client's notes and answers Partially fixed ---------------------------------
            Page staff = watched(analystContext.newPage());
            staffSignIn(staff, analyst);
            assertThat(staff.locator("a.bell")).hasAttribute("aria-label", "Notifications, 1 unread");
            staff.navigate(url("/projects/" + project + "/findings/" + finding));
            assertThat(staff.locator("h1")).containsText(TITLE);
            Locator staffHistory =
                    staff.locator(".card", new Page.LocatorOptions().setHas(heading(staff, "Status history")));
            Locator reported = staffHistory.locator("li").last();
            assertThat(reported).containsText("Pending verification");
            assertThat(reported).containsText("by " + MANAGER_NAME + " (client)");
            assertThat(reported).containsText(REMEDIATION_NOTES);
            Locator clientComment =
                    staff.locator("article.comment", new Page.LocatorOptions().setHasText(MANAGER_COMMENT));
            assertThat(clientComment.locator(".badge").first()).hasText("Client");
            staff.getByLabel("Note", new Page.GetByLabelOptions().setExact(true))
                    .fill(VERDICT_NOTE);
            button(staff, "Partially fixed").click();
            assertThat(staff.locator("main")).containsText("Status changed to Partially fixed");
            assertThat(staffHistory.locator("li").last()).containsText(VERDICT_NOTE);
            Browser.screenshot(staff, "portal-06-analyst-partially-fixed");

            // 6. The Manager sees the verdict and the notification -----------------------------------------------
            manager.reload();
            assertThat(statusBadge(manager)).hasText("Partially fixed");
            assertThat(history(manager).last()).containsText("Partially fixed");
            assertThat(history(manager).last()).containsText(VERDICT_NOTE);
            Locator bell =
                    manager.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Notifications, 1 unread"));
            assertThat(bell).isVisible();
            bell.click();
            assertThat(manager).hasURL(url(portal + "/notifications"));
            String notification = workspace.name() + ": F-1 " + TITLE + " — Partially fixed";
            assertThat(manager.locator(".notification-list li.unread")).containsText(notification);
            Browser.screenshot(manager, "portal-07-notifications");
            button(manager, notification).click();
            assertThat(manager).hasURL(url(portal + "/findings/" + finding));
            assertThat(statusBadge(manager)).hasText("Partially fixed");
            assertThat(manager.getByRole(
                            AriaRole.LINK,
                            new Page.GetByRoleOptions().setName("Notifications").setExact(true)))
                    .isVisible();
            // Partially fixed may be reported fixed again.
            assertThat(button(manager, "Mark as remediated")).isVisible();
            Browser.screenshot(manager, "portal-08-verdict-seen");
            outbox.flush();
            assertThat(TestMail.linkTo(managerEmail, portal + "/findings/" + finding))
                    .endsWith(portal + "/findings/" + finding);

            // 7. A Viewer sees the finding but can neither comment nor mark it remediated -------------------------
            String viewerEmail = testPortal.invite(workspace, client, PortalRole.VIEWER);
            Page viewer = watched(viewerContext.newPage());
            acceptInvitation(viewer, workspace, viewerEmail, "Victor Viewer", false);
            assertThat(heading(viewer, "Dashboard")).isVisible();
            link(viewer, "Projects").click();
            link(viewer, PROJECT).click();
            link(viewer, TITLE).click();
            assertThat(viewer).hasURL(url(portal + "/findings/" + finding));
            assertThat(statusBadge(viewer)).hasText("Partially fixed");
            assertThat(viewer.locator("#comments")).containsText(MANAGER_COMMENT);
            assertThat(history(viewer).last()).containsText(VERDICT_NOTE);
            assertThat(viewer.getByLabel("Add a comment")).hasCount(0);
            assertThat(button(viewer, "Post comment")).hasCount(0);
            assertThat(button(viewer, "Mark as remediated")).hasCount(0);
            assertThat(button(viewer, "Request retest")).hasCount(0);
            assertThat(link(viewer, "Users")).hasCount(0);
            assertThat(viewer.content()).doesNotContain(INTERNAL_MARKER);
            Browser.screenshot(viewer, "portal-09-viewer-read-only");

            // 8. The Admin removes the Viewer; the Viewer's open page is signed out at the next click ---------------
            admin.navigate(url("/clients/" + client + "/settings"));
            link(admin, "Victor Viewer").click();
            link(admin, "Remove access").click();
            assertThat(heading(admin, "Remove portal access for Victor Viewer?"))
                    .isVisible();
            Browser.screenshot(admin, "portal-10-remove-confirm");
            button(admin, "Remove access").click();
            assertThat(admin.getByRole(AriaRole.STATUS))
                    .containsText("Victor Viewer no longer has access; their open sessions have ended.");
            assertThat(admin.locator("#portal-users tr", new Page.LocatorOptions().setHasText(viewerEmail)))
                    .containsText("Removed");

            link(viewer, "Projects").click();
            assertThat(viewer).hasURL(signInPage(workspace));
            assertThat(heading(viewer, "Sign in to the client portal")).isVisible();
            assertThat(viewer.getByRole(AriaRole.STATUS)).containsText("Your session has ended");
            assertThat(viewer.locator("nav[aria-label=Portal]")).hasCount(0);
            Browser.screenshot(viewer, "portal-11-removed-viewer-signed-out");
            viewer.navigate(url(portal + "/findings/" + finding));
            assertThat(viewer).hasURL(signInPage(workspace));
        }

        assertThat(browserProblems).as("console errors and CSP violations").isEmpty();
    }

    /**
     * Follows the invitation in the newest mail to {@code email}: full name and password, the authenticator (code
     * computed from the key on the page), the ten recovery codes, then the dashboard.
     */
    private void acceptInvitation(
            Page page, TestWorkspace workspace, String email, String fullName, boolean screenshots) {
        String portal = "/portal/" + workspace.slug();
        String link = TestMail.linkTo(email, portal + "/invitation/");
        page.navigate(url(URI.create(link).getPath()));
        assertThat(heading(page, "Welcome to the client portal")).isVisible();
        assertThat(page.locator("main")).containsText(email);
        page.getByLabel("Full name").fill(fullName);
        page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).fill(TestPortal.PASSWORD);
        page.getByLabel("Repeat the password").fill(TestPortal.PASSWORD);
        button(page, "Continue").click();

        assertThat(page).hasURL(url(portal + "/login/enrol"));
        assertThat(heading(page, "Set up two-step sign-in")).isVisible();
        assertThat(page.locator(".qr svg")).isVisible();
        Locator key = page.locator("#manual-key");
        assertThat(key).hasText(Pattern.compile("^[A-Z2-7]{4}( [A-Z2-7]{1,4})+$"));
        if (screenshots) {
            Browser.screenshot(page, "portal-02-authenticator");
        }
        String secret = key.textContent().replace(" ", "");
        page.getByLabel("Code from your authenticator app").fill(TestPortal.code(secret, 0));
        button(page, "Confirm and continue").click();

        assertThat(page).hasURL(url(portal + "/recovery-codes"));
        assertThat(heading(page, "Save your recovery codes")).isVisible();
        Locator codes = page.locator("#recovery-codes li");
        assertThat(codes).hasCount(10);
        assertThat(codes.first()).hasText(Pattern.compile("^[a-z0-9]{4}-[a-z0-9]{4}-[a-z0-9]{4}$"));
        if (screenshots) {
            Browser.screenshot(page, "portal-03-recovery-codes");
        }
        link(page, "I have saved them — continue").click();
        assertThat(page).hasURL(url(portal + "/"));
    }

    private void staffSignIn(Page page, TestUser user) {
        page.navigate(url("/login"));
        page.getByLabel("E-mail").fill(user.email());
        page.getByLabel("Password").fill(user.password());
        button(page, "Sign in").click();
        assertThat(page).hasURL(url("/"));
    }

    /** Records what the browser reports as wrong on this page: console errors (CSP refusals among them), script errors. */
    private Page watched(Page page) {
        page.onConsoleMessage(message -> {
            if ("error".equals(message.type())
                    || message.text().contains("Refused to")
                    || message.text().contains("Content Security Policy")) {
                browserProblems.add(page.url() + ": " + message.text());
            }
        });
        page.onPageError(error -> browserProblems.add(page.url() + ": " + error));
        return page;
    }

    /** The portal's sign-in page, with or without a message in the query. */
    private Pattern signInPage(TestWorkspace workspace) {
        return Pattern.compile("^" + url("/portal/" + workspace.slug() + "/login") + "(\\?[a-z]+)?$");
    }

    private static Locator statusBadge(Page page) {
        return page.locator("main h1 + p .badge:not(.sev)").first();
    }

    private static Locator history(Page page) {
        return page.locator("ol.history li");
    }

    private static Locator heading(Page page, String name) {
        return page.getByRole(
                AriaRole.HEADING, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    private static Locator link(Page page, String name) {
        return page.getByRole(
                AriaRole.LINK, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    private static Locator button(Page page, String name) {
        return page.getByRole(
                AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
