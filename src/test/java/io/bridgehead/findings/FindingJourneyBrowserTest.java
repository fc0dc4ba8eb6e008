package io.bridgehead.findings;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.bridgehead.access.PlatformRole;
import io.bridgehead.projects.ProjectStatus;
import io.bridgehead.support.Browser;
import io.bridgehead.support.TestClients;
import io.bridgehead.support.TestWorkspaces;
import io.bridgehead.support.TestWorkspaces.TestUser;
import io.bridgehead.support.TestWorkspaces.TestWorkspace;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * A project's daily work in a real browser: create a project for a client, add an Editor, start a finding from a
 * library template with a CVSS vector, attach a screenshot, mention the teammate, change the status, and find it again
 * among all findings through the project filter's suggestions.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@DirtiesContext
class FindingJourneyBrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    TestWorkspaces testWorkspaces;

    @Autowired
    TestClients testClients;

    @Autowired
    TestFindings testFindings;

    @Test
    void analystRecordsAFindingWithTheTeam() throws IOException {
        TestWorkspace workspace = testWorkspaces.create("Finding journey");
        TestUser editor = testWorkspaces.addUser(workspace, PlatformRole.ANALYST);
        UUID client = testClients.create(workspace, "Initech");
        UUID network = testClients.project(workspace, "Initech network test", client, ProjectStatus.IN_PROGRESS);
        testFindings.create(workspace, network, "Default credentials on core switch", Severity.HIGH, null);
        Path screenshot = screenshotPng();
        try (Browser browser = new Browser();
                BrowserContext context = browser.newContext()) {
            Page page = context.newPage();
            signIn(page, workspace.admin().email(), workspace.admin().password());

            // 1. A project for the client, from the client's Projects tab ------------------------------------------
            page.navigate(url("/clients/" + client + "/projects"));
            link(page, "Create new project").click();
            page.getByLabel("Name (required)").fill("Initech web application test");
            page.getByLabel("Type").selectOption("WEB_APPLICATION");
            page.getByLabel("Status").selectOption("IN_PROGRESS");
            button(page, "Create project").click();
            assertThat(page.locator("h1")).hasText("Initech web application test");
            Browser.screenshot(page, "findings-01-project");

            // 2. The analyst joins the team as Editor ------------------------------------------------------------
            page.getByLabel("Colleague").selectOption(editor.id().toString());
            page.getByLabel("Project role").selectOption("EDITOR");
            button(page, "Add or change").click();
            assertThat(page.locator("#team table")).containsText("Editor");
            assertThat(page.locator("#team table")).containsText(editor.email());
            String projectUrl = page.url().replaceAll("#.*$", "");

            // 3. A library template with a CVSS vector -------------------------------------------------------------
            page.navigate(url("/findings/library/new"));
            page.getByLabel("Title (required)").fill("Stored cross-site scripting");
            page.getByLabel("CVSS 3.1 vector").fill("CVSS:3.1/AV:N/AC:L/PR:L/UI:R/S:C/C:L/I:L/A:N");
            page.locator("#remediation").fill("Encode output for its **context**.");
            button(page, "Save template").click();
            assertThat(page.locator("table")).containsText("Stored cross-site scripting");

            // 4. A finding started from the template -------------------------------------------------------------
            page.navigate(projectUrl + "/findings/new");
            page.getByLabel("Start from the library")
                    .selectOption(new com.microsoft.playwright.options.SelectOption()
                            .setLabel("Stored cross-site scripting"));
            button(page, "Use template").click();
            assertThat(page.getByLabel("Title (required)")).hasValue("Stored cross-site scripting");
            page.locator("#description").fill("The comment field stores `<img src=x onerror=alert(1)>` as is.");
            button(page, "Record finding").click();
            assertThat(page.locator("h1")).containsText("F-1");
            assertThat(page.locator("body")).containsText("5.4");
            assertThat(page.locator("body")).containsText("Medium");
            assertThat(page.locator(".markdown code").first()).hasText("<img src=x onerror=alert(1)>");
            Browser.screenshot(page, "findings-02-finding");
            String findingUrl = page.url();

            // 5. A screenshot as evidence ------------------------------------------------------------------------
            page.getByLabel("Add a file").setInputFiles(screenshot);
            button(page, "Upload").click();
            assertThat(page.locator("img.evidence-thumb")).hasCount(1);
            Browser.screenshot(page, "findings-03-evidence");

            // 6. A comment mentioning the teammate ---------------------------------------------------------------
            String handle = "@" + editor.email().substring(0, editor.email().indexOf('@'));
            page.getByLabel("New comment").fill("Please retest this after the fix, " + handle + ".");
            button(page, "Add comment").click();
            assertThat(page.locator("#comments")).containsText("Please retest this");
            Browser.screenshot(page, "findings-04-comment");

            // 7. The status moves with a note, and the history shows it --------------------------------------------
            page.getByLabel("Note").fill("Internal admin tool, reachable only from the VPN.");
            button(page, "Accept risk").click();
            assertThat(page.locator("body")).containsText("Status changed to Accepted risk");
            assertThat(page.locator("body")).containsText("Internal admin tool, reachable only from the VPN.");
            Browser.screenshot(page, "findings-05-status");

            // 8. All findings, narrowed to this project by typing part of its name and picking it with the keyboard ---
            page.navigate(url("/findings"));
            Locator results = page.locator("#finding-results");
            assertThat(results).containsText("Default credentials on core switch");
            Locator projectField = page.getByRole(AriaRole.COMBOBOX, new Page.GetByRoleOptions().setName("Project"));
            projectField.click();
            projectField.pressSequentially("web app");
            Locator options = page.locator("#project-options [role=option]");
            assertThat(options).hasCount(1);
            assertThat(options.first()).containsText("Initech web application test");
            Browser.screenshot(page, "findings-07-project-suggestions");
            projectField.press("ArrowDown");
            projectField.press("Enter");
            assertThat(projectField).hasValue("Initech web application test");
            assertThat(results).not().containsText("Default credentials on core switch");
            assertThat(results).containsText("Stored cross-site scripting");
            assertThat(page).hasURL(java.util.regex.Pattern.compile(".*projectId=[0-9a-f-]{36}.*"));
            Browser.screenshot(page, "findings-08-project-filter");

            // The mentioned teammate sees the notification and can edit the finding as Editor.
            try (BrowserContext other = browser.newContext()) {
                Page theirs = other.newPage();
                signIn(theirs, editor.email(), editor.password());
                assertThat(theirs.locator("a.bell")).hasAttribute("aria-label", "Notifications, 1 unread");
                theirs.navigate(url("/notifications"));
                assertThat(theirs.locator("main")).containsText("F-1");
                Browser.screenshot(theirs, "findings-06-notification");
                theirs.navigate(findingUrl);
                assertThat(link(theirs, "Edit")).isVisible();
            }
        }
    }

    private void signIn(Page page, String email, String password) {
        page.navigate(url("/login"));
        page.getByLabel("E-mail").fill(email);
        page.getByLabel("Password").fill(password);
        button(page, "Sign in").click();
        assertThat(page).hasURL(url("/"));
    }

    private static Locator link(Page page, String name) {
        return page.getByRole(
                AriaRole.LINK, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    private static Locator button(Page page, String name) {
        return page.getByRole(
                AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    private static Path screenshotPng() throws IOException {
        BufferedImage image = new BufferedImage(320, 200, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(0x11, 0x18, 0x27));
        g.fillRect(0, 0, 320, 200);
        g.setColor(Color.RED);
        g.drawString("alert(1) fired", 40, 100);
        g.dispose();
        Path file = Files.createTempFile("evidence-", ".png");
        ImageIO.write(image, "png", file.toFile());
        return file;
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
