package io.bridgehead.reports;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.bridgehead.access.PlatformRole;
import io.bridgehead.access.PortalRole;
import io.bridgehead.findings.FindingForm;
import io.bridgehead.findings.Findings;
import io.bridgehead.findings.Severity;
import io.bridgehead.projects.ProjectStatus;
import io.bridgehead.support.ActingAs;
import io.bridgehead.support.Browser;
import io.bridgehead.support.TestClients;
import io.bridgehead.support.TestPortal;
import io.bridgehead.support.TestPortal.PortalUser;
import io.bridgehead.support.TestWorkspaces;
import io.bridgehead.support.TestWorkspaces.TestUser;
import io.bridgehead.support.TestWorkspaces.TestWorkspace;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * Reports in a real browser: an analyst who owns the project generates a report, the page (polling through htmx)
 * shows it ready once the render job has run, the analyst releases it to the client after confirming, and a client
 * Viewer downloads the PDF from the portal. No page logs an error or a Content Security Policy violation.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@ActiveProfiles("test")
@DirtiesContext
class ReportJourneyBrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    MockMvcTester mvc;

    @Autowired
    TestWorkspaces testWorkspaces;

    @Autowired
    TestClients testClients;

    @Autowired
    TestPortal testPortal;

    @Autowired
    Findings findings;

    @Autowired
    RenderQueue renderQueue;

    final List<String> browserProblems = new CopyOnWriteArrayList<>();

    @Test
    void analystGeneratesWatchesItFinishReleasesAndTheClientDownloads() throws IOException {
        TestWorkspace workspace = testWorkspaces.create("Report journey");
        TestUser analyst = testWorkspaces.addUser(workspace, PlatformRole.ANALYST);
        UUID client = testClients.create(workspace, "Initech");
        UUID project = testClients.project(workspace, analyst, "Initech API test", client, ProjectStatus.IN_PROGRESS);
        ActingAs.run(
                workspace,
                analyst,
                () -> findings.create(
                        project,
                        new FindingForm(
                                "Broken object level authorisation",
                                Severity.HIGH,
                                null,
                                null,
                                null,
                                "Any user reads any invoice.",
                                "Data of all customers is exposed.",
                                "Check ownership on every read.",
                                "",
                                "",
                                "",
                                null,
                                List.of())));
        PortalUser clientViewer = testPortal.join(mvc, workspace, client, PortalRole.VIEWER);

        try (Browser browser = new Browser();
                BrowserContext staffContext = browser.newContext();
                BrowserContext clientContext = browser.newContext()) {
            Page staff = watched(staffContext.newPage());
            staff.navigate(url("/login"));
            staff.getByLabel("E-mail").fill(analyst.email());
            staff.getByLabel("Password").fill(analyst.password());
            button(staff, "Sign in").click();
            assertThat(staff).hasURL(url("/"));

            staff.navigate(url("/projects/" + project));
            staff.locator("#reports").getByRole(AriaRole.LINK).click();
            assertThat(staff).hasURL(url("/projects/" + project + "/reports"));
            assertThat(staff.getByLabel("Classification (required)")).hasValue("Confidential");
            staff.getByLabel("Title (required)").fill("Initech API — final report");
            button(staff, "Generate report").click();
            assertThat(staff.locator("#report-versions")).containsText("Queued");
            Browser.screenshot(staff, "reports-01-queued");

            assertThat(renderQueue.drain()).isEqualTo(1);
            // The card asks again every 2 s; Playwright's assertion waits (up to its timeout) for the next answer.
            Locator row = staff.locator("#report-1");
            assertThat(row).containsText("Ready");
            assertThat(row).containsText("Download PDF");
            Browser.screenshot(staff, "reports-02-ready");

            staff.onceDialog(dialog -> dialog.accept());
            button(staff, "Release to client").click();
            assertThat(staff.locator("#report-1")).containsText("Released");

            com.microsoft.playwright.options.Cookie session = new com.microsoft.playwright.options.Cookie(
                            TestPortal.COOKIE, clientViewer.session().getValue())
                    .setDomain("localhost")
                    .setPath("/");
            clientContext.addCookies(List.of(session));
            Page portal = watched(clientContext.newPage());
            portal.navigate(url("/portal/" + workspace.slug() + "/reports"));
            Locator report =
                    portal.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Initech API — final report"));
            assertThat(report).isVisible();
            Browser.screenshot(portal, "reports-03-portal");
            Download download = portal.waitForDownload(report::click);
            assertThat(download.suggestedFilename()).isEqualTo("Initech - Initech API test - v1.pdf");
            assertThat(Files.readAllBytes(download.path())).startsWith("%PDF".getBytes());
        }
        assertThat(browserProblems).isEmpty();
    }

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

    private static Locator button(Page page, String name) {
        return page.getByRole(
                AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
