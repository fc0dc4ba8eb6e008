package io.bridgehead.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import io.bridgehead.access.PortalRole;
import io.bridgehead.clients.PortalSettingsForm;
import io.bridgehead.findings.FindingForm;
import io.bridgehead.findings.FindingStatus;
import io.bridgehead.findings.Findings;
import io.bridgehead.findings.Severity;
import io.bridgehead.notifications.Outbox;
import io.bridgehead.projects.ProjectStatus;
import io.bridgehead.support.ActingAs;
import io.bridgehead.support.Html;
import io.bridgehead.support.IntegrationTest;
import io.bridgehead.support.TestClients;
import io.bridgehead.support.TestMail;
import io.bridgehead.support.TestPortal;
import io.bridgehead.support.TestPortal.PortalUser;
import io.bridgehead.support.TestWorkspaces;
import io.bridgehead.support.TestWorkspaces.TestWorkspace;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** The client's pages of findings: what they show, what they hide, and the remediation loop seen from both sides. */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PortalFindingPagesTest {

    private static final String SECRET = "INTERNAL-ONLY-MARKER-7731";

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
    Outbox outbox;

    @Autowired
    Environment environment;

    TestWorkspace workspace;
    UUID client;
    UUID project;
    UUID otherClientsFinding;
    String portal;

    @BeforeAll
    void setUp() {
        workspace = testWorkspaces.create("Portal findings pages");
        client = testClients.create(workspace, "Initech");
        project = testClients.project(workspace, "Initech web test", client, ProjectStatus.IN_PROGRESS);
        UUID otherClient = testClients.create(workspace, "Globex");
        UUID otherProject = testClients.project(workspace, "Globex API test", otherClient, ProjectStatus.IN_PROGRESS);
        otherClientsFinding = finding(otherProject, "Globex secret finding", Severity.HIGH);
        portal = "/portal/" + workspace.slug();
    }

    @Test
    void theDashboardAndProjectShowTheClientsFindingsButNeverInternalNotes() {
        UUID finding = finding(project, "Stored XSS in comments", Severity.HIGH);
        PortalUser viewer = testPortal.join(mvc, workspace, client, PortalRole.VIEWER);

        String dashboard = Html.of(mvc.get().uri(portal + "/").cookie(viewer.session()));
        assertThat(dashboard).contains("Open findings", "Initech web test", "Remediation progress", "<polyline");
        String projectPage =
                Html.of(mvc.get().uri(portal + "/projects/" + project).cookie(viewer.session()));
        assertThat(projectPage).contains("Stored XSS in comments", "9.8");
        String page = Html.of(mvc.get().uri(portal + "/findings/" + finding).cookie(viewer.session()));
        assertThat(page).contains("Stored XSS in comments", "The description the client reads", "CVSS:3.1/AV:N");
        assertThat(page).doesNotContain(SECRET).doesNotContain("name=\"body\"").doesNotContain("Mark as remediated");
    }

    @Test
    void hiddenFieldsAreNotShown() {
        UUID hidden = testClients.create(workspace, "Hidden Fields Co " + UUID.randomUUID());
        UUID hiddenProject = testClients.project(workspace, "Hidden fields test", hidden, ProjectStatus.IN_PROGRESS);
        UUID finding = finding(hiddenProject, "Weak TLS configuration", Severity.MEDIUM);
        PortalUser viewer = testPortal.join(mvc, workspace, hidden, PortalRole.VIEWER);
        testPortal.change(workspace, hidden, new PortalSettingsForm(true, false, false, false, false, ""));

        String page = Html.of(mvc.get().uri(portal + "/findings/" + finding).cookie(viewer.session()));

        assertThat(page)
                .contains("Weak TLS configuration")
                .doesNotContain("CVSS:3.1")
                .doesNotContain("Technical details");
        assertThat(Html.of(mvc.get().uri(portal + "/projects/" + hiddenProject).cookie(viewer.session())))
                .doesNotContain("<th scope=\"col\">CVSS</th>");
    }

    @Test
    void aCollaboratorCommentsAndAViewerCannot() {
        UUID finding = finding(project, "Open redirect", Severity.LOW);
        PortalUser collaborator = testPortal.join(mvc, workspace, client, PortalRole.COLLABORATOR);
        PortalUser viewer = testPortal.join(mvc, workspace, client, PortalRole.VIEWER);

        assertThat(mvc.post()
                        .uri(portal + "/findings/" + finding + "/comments")
                        .param("body", "We deployed a fix <script>alert(1)</script>")
                        .cookie(collaborator.session())
                        .with(csrf()))
                .hasStatus3xxRedirection();
        String page = Html.of(mvc.get().uri(portal + "/findings/" + finding).cookie(viewer.session()));
        assertThat(page).contains("We deployed a fix").doesNotContain("<script>alert(1)</script>");
        assertThat(mvc.post()
                        .uri(portal + "/findings/" + finding + "/comments")
                        .param("body", "Viewer tries")
                        .cookie(viewer.session())
                        .with(csrf()))
                .hasStatus(403);
        assertThat(Html.of(mvc.post()
                        .uri(portal + "/findings/" + finding + "/comments")
                        .param("body", "  ")
                        .cookie(collaborator.session())
                        .with(csrf())))
                .contains("id=\"comment-error\"");
    }

    @Test
    void aManagerReportsAFixAndHearsTheFirmsVerdict() {
        UUID finding = finding(project, "SQL injection in search", Severity.CRITICAL);
        PortalUser manager = testPortal.join(mvc, workspace, client, PortalRole.MANAGER);

        assertThat(Html.of(mvc.post()
                        .uri(portal + "/findings/" + finding + "/remediated")
                        .param("note", "")
                        .param("seen", "OPEN")
                        .cookie(manager.session())
                        .with(csrf())))
                .contains("Describe what you fixed");
        assertThat(mvc.post()
                        .uri(portal + "/findings/" + finding + "/remediated")
                        .param("note", "Parameterised the search query in release 4.2")
                        .param("seen", "OPEN")
                        .cookie(manager.session())
                        .with(csrf()))
                .hasStatus3xxRedirection();
        assertThat(Html.of(mvc.get().uri(portal + "/findings/" + finding).cookie(manager.session())))
                .contains("Pending verification", "Parameterised the search query in release 4.2");

        ActingAs.run(
                workspace,
                workspace.admin(),
                () -> findings.move(
                        project,
                        finding,
                        FindingStatus.PARTIALLY_FIXED,
                        "The search is fixed; the export still injects"));

        String page = Html.of(mvc.get().uri(portal + "/findings/" + finding).cookie(manager.session()));
        assertThat(page).contains("Partially fixed", "The search is fixed; the export still injects");
        assertThat(page).contains("Notifications, 1 unread");
        assertThat(Html.of(mvc.get().uri(portal + "/notifications").cookie(manager.session())))
                .contains("F-", "SQL injection in search", "Partially fixed", "Unread");
        outbox.flush();
        assertThat(TestMail.body(TestMail.to(manager.email())
                        .get(TestMail.to(manager.email()).size() - 1)))
                .contains("SQL injection in search", "Partially fixed", portal + "/findings/" + finding);
    }

    @Test
    void mentionSuggestionsNameTheTeamWithoutTheirAddresses() {
        UUID finding = finding(project, "Verbose errors", Severity.LOW);
        PortalUser collaborator = testPortal.join(mvc, workspace, client, PortalRole.COLLABORATOR);

        String json = Html.of(
                mvc.get().uri(portal + "/findings/" + finding + "/mentions?q=").cookie(collaborator.session()));

        assertThat(json)
                .contains("\"name\"")
                .doesNotContain(workspace.admin().email())
                .doesNotContain("@test.local");
    }

    @Test
    void statusNotesWrittenBeforeThePortalStayWithTheFirm() throws SQLException {
        UUID finding = finding(project, "Old finding with remarks", Severity.MEDIUM);
        ActingAs.run(
                workspace,
                workspace.admin(),
                () -> findings.move(
                        project, finding, FindingStatus.ACCEPTED_RISK, "Internal remark from before the portal"));
        asOwner("update finding_history set note_shared = false where finding_id = ?", finding);
        PortalUser viewer = testPortal.join(mvc, workspace, client, PortalRole.VIEWER);

        String page = Html.of(mvc.get().uri(portal + "/findings/" + finding).cookie(viewer.session()));

        assertThat(page).contains("Accepted risk").doesNotContain("Internal remark from before the portal");
    }

    @Test
    void anotherClientsFindingIsNotFoundAndNothingChanges() {
        PortalUser manager = testPortal.join(mvc, workspace, client, PortalRole.MANAGER);

        assertThat(mvc.get().uri(portal + "/findings/" + otherClientsFinding).cookie(manager.session()))
                .hasStatus(404);
        assertThat(mvc.post()
                        .uri(portal + "/findings/" + otherClientsFinding + "/remediated")
                        .param("note", "not mine")
                        .cookie(manager.session())
                        .with(csrf()))
                .hasStatus(404);
        assertThat(mvc.post()
                        .uri(portal + "/findings/" + otherClientsFinding + "/comments")
                        .param("body", "not mine")
                        .cookie(manager.session())
                        .with(csrf()))
                .hasStatus(404);
        assertThat(testClients.value(
                        workspace, String.class, "select status from finding where id = ?", otherClientsFinding))
                .isEqualTo("OPEN");
    }

    /** As the migration left notes written before the portal: only the tables' owner may change history rows. */
    private void asOwner(String sql, UUID id) throws SQLException {
        try (Connection owner = DriverManager.getConnection(
                environment.getRequiredProperty("spring.flyway.url"),
                environment.getRequiredProperty("spring.flyway.user"),
                environment.getRequiredProperty("spring.flyway.password"))) {
            try (Statement statement = owner.createStatement()) {
                statement.execute("select set_config('app.tenant_id', '" + workspace.id() + "', false)");
            }
            try (PreparedStatement statement = owner.prepareStatement(sql)) {
                statement.setObject(1, id);
                assertThat(statement.executeUpdate()).isPositive();
            }
        }
    }

    private UUID finding(UUID projectId, String title, Severity severity) {
        FindingForm form = new FindingForm(
                title,
                severity,
                "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H",
                null,
                null,
                "The description the client reads",
                "Impact text",
                "Fix it like this",
                "Technical details text",
                "https://owasp.org/\nCWE-79",
                "Firm only: " + SECRET,
                null,
                List.of());
        return ActingAs.call(workspace, workspace.admin(), () -> findings.create(projectId, form));
    }
}
