package io.bridgehead.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import io.bridgehead.access.PlatformRole;
import io.bridgehead.access.PortalRole;
import io.bridgehead.audit.AuditAction;
import io.bridgehead.findings.FindingForm;
import io.bridgehead.findings.Findings;
import io.bridgehead.findings.Severity;
import io.bridgehead.projects.ProjectStatus;
import io.bridgehead.support.ActingAs;
import io.bridgehead.support.AuditTrail;
import io.bridgehead.support.Html;
import io.bridgehead.support.IntegrationTest;
import io.bridgehead.support.SignIn;
import io.bridgehead.support.TestClients;
import io.bridgehead.support.TestPortal;
import io.bridgehead.support.TestPortal.PortalUser;
import io.bridgehead.support.TestWorkspaces;
import io.bridgehead.support.TestWorkspaces.TestUser;
import io.bridgehead.support.TestWorkspaces.TestWorkspace;
import jakarta.servlet.http.Cookie;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * The reports pages end to end: generating from the project (who may), the page polling until the version is ready,
 * downloads with their headers, release and withdrawal, and what the client's portal users see and may download.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportPagesTest {

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

    @Autowired
    AuditTrail auditTrail;

    TestWorkspace workspace;
    TestUser owner;
    UUID client;
    UUID project;
    Cookie ownerSession;

    @BeforeAll
    void setUp() {
        workspace = testWorkspaces.create("Report pages");
        owner = testWorkspaces.addUser(workspace, PlatformRole.ANALYST);
        ownerSession = SignIn.as(mvc, owner);
        client = testClients.create(workspace, "Zürich Bank/Ops");
        project = testClients.project(workspace, owner, "Web app: Q3", client, ProjectStatus.IN_PROGRESS);
        ActingAs.run(
                workspace,
                owner,
                () -> findings.create(
                        project,
                        new FindingForm(
                                "Open redirect",
                                Severity.MEDIUM,
                                null,
                                null,
                                null,
                                "d",
                                "i",
                                "r",
                                "",
                                "",
                                "",
                                null,
                                List.of())));
    }

    @Test
    void ownerGeneratesAndThePagePollsUntilTheVersionIsReady() {
        String form = page(ownerSession, "/projects/" + project + "/reports");
        assertThat(form).contains("Generate report", "value=\"Confidential\"", "1 finding (1 medium)");
        assertThat(page(ownerSession, "/projects/" + project)).contains("/projects/" + project + "/reports");

        assertThat(generate(ownerSession, "Final report")).hasRedirectedUrl("/projects/" + project + "/reports");

        String queued = page(ownerSession, "/projects/" + project + "/reports");
        assertThat(queued).contains("Queued", "hx-trigger=\"every 2s\"", "Final report");
        renderQueue.drain();
        String fragment = Html.of(mvc.get()
                .uri("/projects/" + project + "/reports")
                .header("HX-Request", "true")
                .cookie(ownerSession));
        assertThat(fragment)
                .contains("id=\"report-versions\"", "Ready", "Download PDF", "Release to client", "(1 finding)");
        assertThat(fragment).doesNotContain("hx-trigger").doesNotContain("<html");
        assertThat(auditTrail.actionsBy(workspace, owner.email())).contains(AuditAction.REPORT_GENERATED);
    }

    @Test
    void invalidFormIsShownAgainWithItsMessages() {
        MvcTestResult result = post(
                ownerSession,
                "/projects/" + project + "/reports",
                "template",
                "default",
                "title",
                "",
                "versionLabel",
                "1.0",
                "classification",
                "Confidential");
        assertThat(result).hasStatusOk();
        assertThat(Html.fieldError(Html.of(result), "title")).contains("Give the report a title.");
    }

    @Test
    void onlyAdminsAndTheProjectsOwnersAndEditorsGenerate() {
        TestUser reviewer = testWorkspaces.addUser(workspace, PlatformRole.REVIEWER);
        TestUser outsider = testWorkspaces.addUser(workspace, PlatformRole.ANALYST);
        long before = testClients.count(workspace, "report_version where project_id = ?", project);

        assertThat(generate(SignIn.as(mvc, reviewer), "By reviewer")).hasStatus(403);
        assertThat(generate(SignIn.as(mvc, outsider), "By outsider")).hasStatus(403);
        assertThat(page(SignIn.as(mvc, reviewer), "/projects/" + project + "/reports"))
                .doesNotContain("Generate report");

        assertThat(testClients.count(workspace, "report_version where project_id = ?", project))
                .isEqualTo(before);
    }

    @Test
    void unassignedViewerFindsNeitherThePageNorTheDownload() {
        UUID version = readyVersion("For viewers");
        Cookie viewer = SignIn.as(mvc, testWorkspaces.addUser(workspace, PlatformRole.VIEWER));

        assertThat(mvc.get().uri("/projects/" + project + "/reports").cookie(viewer))
                .hasStatus(404);
        assertThat(mvc.get().uri(pdfUrl(version)).cookie(viewer)).hasStatus(404);
    }

    @Test
    void downloadIsAPdfWithASafeNameAndAudited() {
        UUID version = readyVersion("Download me");
        int number =
                testClients.value(workspace, Integer.class, "select number from report_version where id = ?", version);

        MvcTestResult download =
                mvc.get().uri(pdfUrl(version)).cookie(ownerSession).exchange();

        assertThat(download).hasStatusOk().hasContentType("application/pdf");
        assertThat(download.getResponse().getContentAsByteArray()).startsWith("%PDF".getBytes());
        assertThat(download.getResponse().getHeader("Content-Disposition"))
                .isEqualTo("attachment; filename=\"Z_rich Bank Ops - Web app Q3 - v" + number
                        + ".pdf\"; filename*=UTF-8''Z%C3%BCrich%20Bank%20Ops%20-%20Web%20app%20Q3%20-%20v" + number
                        + ".pdf");
        assertThat(download.getResponse().getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(download.getResponse().getHeader("Cache-Control")).isEqualTo("private, no-store");
        assertThat(auditTrail.entriesBy(workspace, owner.email()))
                .anyMatch(e -> e.action() == AuditAction.REPORT_DOWNLOADED
                        && e.target().endsWith("v" + number));
    }

    @Test
    void portalUsersSeeOnlyReleasedVersionsOfTheirOwnClient() {
        UUID version = readyVersion("Client copy");
        PortalUser viewer = testPortal.join(mvc, workspace, client, PortalRole.VIEWER);
        UUID otherClient = testClients.create(workspace, "Other client");
        PortalUser stranger = testPortal.join(mvc, workspace, otherClient, PortalRole.MANAGER);
        String portal = "/portal/" + workspace.slug();

        assertThat(mvc.get().uri(portal + "/reports/" + version).cookie(viewer.session()))
                .hasStatus(404);
        assertThat(Html.of(mvc.get().uri(portal + "/reports").cookie(viewer.session())))
                .contains("No reports have been released to you yet.");

        assertThat(post(ownerSession, releaseUrl(version, "release")))
                .hasRedirectedUrl("/projects/" + project + "/reports");

        MvcTestResult download = mvc.get()
                .uri(portal + "/reports/" + version)
                .cookie(viewer.session())
                .exchange();
        assertThat(download).hasStatusOk().hasContentType("application/pdf");
        assertThat(download.getResponse().getHeader("Cache-Control")).isEqualTo("private, no-store");
        assertThat(Html.of(mvc.get().uri(portal + "/reports").cookie(viewer.session())))
                .contains("Client copy", "Web app: Q3");
        assertThat(Html.of(mvc.get().uri(portal + "/projects/" + project).cookie(viewer.session())))
                .contains("Client copy")
                .doesNotContain("No reports have been released for this project yet.");
        assertThat(mvc.get().uri(portal + "/reports/" + version).cookie(stranger.session()))
                .hasStatus(404);
        assertThat(Html.of(mvc.get().uri(portal + "/reports").cookie(stranger.session())))
                .doesNotContain("Client copy");
        assertThat(auditTrail.actionsBy(workspace, viewer.email())).contains(AuditAction.REPORT_DOWNLOADED);

        assertThat(post(ownerSession, releaseUrl(version, "withdraw")))
                .hasRedirectedUrl("/projects/" + project + "/reports");

        assertThat(mvc.get().uri(portal + "/reports/" + version).cookie(viewer.session()))
                .hasStatus(404);
        assertThat(Html.of(mvc.get().uri(portal + "/reports").cookie(viewer.session())))
                .doesNotContain("Client copy");
        assertThat(auditTrail.actionsBy(workspace, owner.email()))
                .contains(AuditAction.REPORT_RELEASED, AuditAction.REPORT_WITHDRAWN);
        assertThat(page(ownerSession, "/projects/" + project + "/reports")).contains("Withdrawn");
    }

    @Test
    void anotherWorkspaceSeesNoneOfTheVersions() {
        UUID version = readyVersion("Tenant-bound");
        TestWorkspace other = testWorkspaces.create("Report pages elsewhere");
        Cookie otherAdmin = SignIn.as(mvc, other.admin());

        assertThat(mvc.get().uri(pdfUrl(version)).cookie(otherAdmin)).hasStatus(404);
        assertThat(mvc.get().uri("/projects/" + project + "/reports").cookie(otherAdmin))
                .hasStatus(404);
        assertThat(post(otherAdmin, releaseUrl(version, "release"))).hasStatus(404);
        assertThat(testClients.count(other, "report_version where id = ?", version))
                .as("row-level security hides the row even from SQL without a tenant condition")
                .isZero();
        assertThat(page(otherAdmin, "/reports")).doesNotContain("Tenant-bound");
    }

    @Test
    void unfinishedVersionCannotBeReleased() {
        generate(ownerSession, "Still queued");
        UUID queued = testClients.value(
                workspace,
                UUID.class,
                "select id from report_version where project_id = ? and title = 'Still queued'",
                project);

        post(ownerSession, releaseUrl(queued, "release"));

        assertThat(testClients.value(
                        workspace,
                        Boolean.class,
                        "select released_at is null from report_version where id = ?",
                        queued))
                .isTrue();
        renderQueue.drain();
    }

    private UUID readyVersion(String title) {
        generate(ownerSession, title);
        renderQueue.drain();
        return testClients.value(
                workspace,
                UUID.class,
                "select id from report_version where project_id = ? and title = ? and status = 'DONE'",
                project,
                title);
    }

    private String pdfUrl(UUID version) {
        return "/projects/" + project + "/reports/" + version + "/pdf";
    }

    private String releaseUrl(UUID version, String action) {
        return "/projects/" + project + "/reports/" + version + "/" + action;
    }

    private MvcTestResult generate(Cookie session, String title) {
        return post(
                session,
                "/projects/" + project + "/reports",
                "template",
                "default",
                "title",
                title,
                "versionLabel",
                "1.0",
                "classification",
                "Confidential",
                "executiveSummary",
                "Summary",
                "scope",
                "Scope",
                "methodology",
                "Method");
    }

    private String page(Cookie session, String url) {
        return Html.of(mvc.get().uri(url).cookie(session).exchange());
    }

    private MvcTestResult post(Cookie session, String url, String... params) {
        var request = mvc.post().uri(url).cookie(session).with(csrf());
        for (int i = 0; i < params.length; i += 2) {
            request.param(params[i], params[i + 1]);
        }
        return request.exchange();
    }
}
