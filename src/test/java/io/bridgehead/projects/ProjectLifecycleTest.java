package io.bridgehead.projects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import io.bridgehead.access.PlatformRole;
import io.bridgehead.audit.AuditAction;
import io.bridgehead.audit.AuditEntryView;
import io.bridgehead.support.ActingAs;
import io.bridgehead.support.AuditTrail;
import io.bridgehead.support.Html;
import io.bridgehead.support.IntegrationTest;
import io.bridgehead.support.SignIn;
import io.bridgehead.support.TestClients;
import io.bridgehead.support.TestWorkspaces;
import io.bridgehead.support.TestWorkspaces.TestUser;
import io.bridgehead.support.TestWorkspaces.TestWorkspace;
import jakarta.servlet.http.Cookie;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** Creating a project, archiving and restoring it, and deleting it with its typed name. */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProjectLifecycleTest {

    private static final String ARCHIVED = "is archived, so it is read-only. Restore it first.";

    @Autowired
    MockMvcTester mvc;

    @Autowired
    TestWorkspaces testWorkspaces;

    @Autowired
    TestClients testClients;

    @Autowired
    AuditTrail auditTrail;

    @Autowired
    Projects projects;

    TestWorkspace workspace;
    Cookie admin;

    @BeforeAll
    void setUp() {
        workspace = testWorkspaces.create("Project lifecycle");
        admin = SignIn.as(mvc, workspace.admin());
    }

    // Create ---------------------------------------------------------------------------------------------------------

    @Test
    void aProjectCreatedFromTheNewPageShowsEverythingEnteredAndItsCreatorAsOwner() {
        TestUser analyst = testWorkspaces.addUser(workspace, PlatformRole.ANALYST);
        Cookie session = SignIn.as(mvc, analyst);
        assertThat(mvc.get().uri("/projects").cookie(session)).bodyText().contains("+ New Project");
        assertThat(mvc.get().uri("/projects/new").cookie(session))
                .hasStatusOk()
                .bodyText()
                .contains("New project")
                .contains("You become the project's Owner.");

        MvcTestResult created = post(
                session,
                "/projects/new",
                "name",
                "Shop web assessment",
                "type",
                "WEB_APPLICATION",
                "status",
                "IN_PROGRESS",
                "startDate",
                "2026-03-02",
                "endDate",
                "2026-03-13",
                "description",
                "Grey-box test of the shop",
                "scope",
                "Only the production shop; no DoS");

        UUID project = projectIdFrom(created);
        assertThat(created).flash().containsEntry("flash", "Project created. You are its Owner.");
        assertThat(mvc.get().uri("/projects/{id}", project).cookie(session))
                .hasStatusOk()
                .bodyText()
                .contains("<h1>Shop web assessment</h1>")
                .contains("<span class=\"badge\">Web application</span>")
                .contains(">Testing</span>")
                .contains("<option value=\"IN_PROGRESS\" selected=\"selected\">Testing</option>")
                .contains("<option value=\"WEB_APPLICATION\" selected=\"selected\">Web application</option>")
                .contains("value=\"2026-03-02\"")
                .contains("value=\"2026-03-13\"")
                .contains("Grey-box test of the shop")
                .contains("Only the production shop; no DoS")
                .contains("Unassigned: this project belongs to no client yet.")
                .contains(analyst.email() + "</td><td>Owner</td>");
        assertThat(testClients.value(
                        workspace,
                        String.class,
                        "select type || '/' || status || '/' || start_date || '/' || end_date || '/' || description"
                                + " || '/' || scope from project where id = ?",
                        project))
                .isEqualTo("WEB_APPLICATION/IN_PROGRESS/2026-03-02/2026-03-13/Grey-box test of the shop"
                        + "/Only the production shop; no DoS");
        assertThat(testClients.value(
                        workspace,
                        String.class,
                        "select role from project_member where project_id = ? and user_id = ?",
                        project,
                        analyst.id()))
                .isEqualTo("OWNER");
        assertThat(auditTrail.entriesBy(workspace, analyst.email()))
                .extracting(AuditEntryView::action, AuditEntryView::target)
                .contains(tuple(AuditAction.PROJECT_CREATED, "Shop web assessment"));
    }

    @Test
    void theNewProjectLinkOnAClientsPageCreatesTheProjectUnderThatClient() {
        TestUser analyst = testWorkspaces.addUser(workspace, PlatformRole.ANALYST);
        Cookie session = SignIn.as(mvc, analyst);
        UUID client = testClients.create(workspace, "Linked Client Co");
        assertThat(mvc.get().uri("/clients/{id}/projects", client).cookie(session))
                .bodyText()
                .contains("href=\"/projects/new?clientId=" + client + "\"");

        assertThat(mvc.get().uri("/projects/new?clientId={id}", client).cookie(session))
                .hasStatusOk()
                .bodyText()
                .contains("<option value=\"" + client + "\" selected=\"selected\">Linked Client Co</option>");

        MvcTestResult created = post(
                session,
                "/projects/new",
                "name",
                "Linked internal test",
                "clientId",
                client.toString(),
                "type",
                "INTERNAL_NETWORK",
                "status",
                "PLANNED",
                "startDate",
                "2026-04-01");

        UUID project = projectIdFrom(created);
        assertThat(mvc.get().uri("/projects/{id}", project).cookie(session))
                .bodyText()
                .contains("<a href=\"/clients/" + client + "\">Linked Client Co</a>")
                .contains("<span class=\"badge\">Internal network</span>")
                .contains("value=\"2026-04-01\"");
        assertThat(mvc.get().uri("/clients/{id}/projects", client).cookie(session))
                .bodyText()
                .contains("Linked internal test");
        assertThat(testClients.value(workspace, UUID.class, "select client_id from project where id = ?", project))
                .isEqualTo(client);
        assertThat(activeProjects(client)).isOne();
    }

    @Test
    void anEndDateBeforeTheStartIsExplainedNextToEndDateAndTheInputIsKept() {
        MvcTestResult refused = post(
                admin,
                "/projects/new",
                "name",
                "Backwards dates",
                "type",
                "CLOUD",
                "status",
                "PLANNED",
                "startDate",
                "2026-05-10",
                "endDate",
                "2026-05-01",
                "description",
                "Kept description");

        assertThat(refused).hasStatusOk();
        String page = Html.of(refused);
        assertThat(Html.fieldError(page, "endDate")).isEqualTo("The end date cannot be before the start date.");
        assertThat(Html.fieldError(page, "startDate")).isNull();
        assertThat(page)
                .contains("value=\"Backwards dates\"")
                .contains("value=\"2026-05-10\"")
                .contains("value=\"2026-05-01\"")
                .contains("<option value=\"CLOUD\" selected=\"selected\">Cloud</option>")
                .contains("Kept description");
        assertThat(testClients.count(workspace, "project where name = 'Backwards dates'"))
                .isZero();

        UUID project = testClients.project(workspace, "Forward dates", null, ProjectStatus.PLANNED);
        MvcTestResult edit = post(
                admin,
                "/projects/" + project,
                "name",
                "Forward dates",
                "status",
                "PLANNED",
                "startDate",
                "2026-06-10",
                "endDate",
                "2026-06-09");
        assertThat(edit).hasStatusOk();
        assertThat(Html.fieldError(Html.of(edit), "endDate"))
                .isEqualTo("The end date cannot be before the start date.");
        assertThat(testClients.count(workspace, "project where id = ? and start_date is null", project))
                .isOne();
    }

    @ParameterizedTest
    @EnumSource(
            value = PlatformRole.class,
            names = {"REVIEWER", "VIEWER"})
    void reviewersAndViewersCannotCreateProjects(PlatformRole role) {
        Cookie session = SignIn.as(mvc, testWorkspaces.addUser(workspace, role));

        assertThat(mvc.get().uri("/projects").cookie(session)).bodyText().doesNotContain("+ New Project");
        assertThat(mvc.get().uri("/projects/new").cookie(session)).hasStatus(403);
        assertThat(post(session, "/projects/new", "name", "Not allowed " + role, "status", "PLANNED"))
                .hasStatus(403);
        assertThat(testClients.count(workspace, "project where name = ?", "Not allowed " + role))
                .isZero();
    }

    // Archive --------------------------------------------------------------------------------------------------------

    @Test
    void anArchivedProjectIsReadOnlyAndListedOnlyWithArchivedProjectsUntilRestored() {
        TestUser owner = testWorkspaces.addUser(workspace, PlatformRole.ANALYST);
        Cookie session = SignIn.as(mvc, owner);
        UUID client = testClients.create(workspace, "Archive Client Co");
        UUID other = testClients.create(workspace, "Archive Other Co");
        UUID project = testClients.project(workspace, owner, "Shelved pentest", client, ProjectStatus.IN_PROGRESS);
        assertThat(post(session, "/projects/" + project + "/assets", "kind", "HOST", "value", "shelf.example.com"))
                .hasStatus3xxRedirection();
        UUID asset =
                testClients.value(workspace, UUID.class, "select id from project_asset where project_id = ?", project);
        assertThat(activeProjects(client)).isOne();

        MvcTestResult archived = post(session, "/projects/" + project + "/archive");

        assertThat(archived).hasRedirectedUrl("/projects/" + project);
        assertThat(archived).flash().containsEntry("flash", "Project archived: it is read-only until restored.");
        assertThat(mvc.get().uri("/projects/{id}", project).cookie(session))
                .hasStatusOk()
                .bodyText()
                .contains("This project is archived and read-only.")
                .contains("Restore project")
                .doesNotContain("Save Changes")
                .doesNotContain("Move project")
                .doesNotContain("Add asset")
                .doesNotContain("Add or change")
                .doesNotContain("Archive project");

        String readOnly = "The project Shelved pentest " + ARCHIVED;
        assertThat(post(
                        session,
                        "/projects/" + project,
                        "name",
                        "Unshelved",
                        "status",
                        "COMPLETED",
                        "clientId",
                        client.toString()))
                .hasStatus(409)
                .bodyText()
                .contains(readOnly);
        assertThat(post(session, "/projects/" + project + "/client", "clientId", other.toString()))
                .hasStatus(409)
                .bodyText()
                .contains(readOnly);
        assertThat(post(session, "/projects/" + project + "/assets", "kind", "HOST", "value", "new.example.com"))
                .hasStatus(409)
                .bodyText()
                .contains(readOnly);
        assertThat(post(session, "/projects/" + project + "/assets/" + asset + "/remove"))
                .hasStatus(409);
        assertThat(post(
                        session,
                        "/projects/" + project + "/team",
                        "userId",
                        workspace.admin().id().toString(),
                        "role",
                        "EDITOR"))
                .hasStatus(409);
        assertThat(testClients.value(
                        workspace,
                        String.class,
                        "select name || '/' || status || '/' || client_id from project where id = ?",
                        project))
                .isEqualTo("Shelved pentest/IN_PROGRESS/" + client);
        assertThat(testClients.count(workspace, "project_asset where project_id = ?", project))
                .isOne();
        assertThat(testClients.count(workspace, "project_member where project_id = ?", project))
                .isOne();

        assertThat(listOf(session, "")).doesNotContain("Shelved pentest");
        assertThat(listOf(session, "?archived=true")).contains("Shelved pentest");
        assertThat(activeProjects(client)).isZero();
        assertThat(mvc.get().uri("/clients/{id}", client).cookie(session))
                .bodyText()
                .contains("<dt>Active projects</dt><dd>0</dd>");

        MvcTestResult restored = post(session, "/projects/" + project + "/restore");

        assertThat(restored).hasRedirectedUrl("/projects/" + project);
        assertThat(restored).flash().containsEntry("flash", "Project restored.");
        assertThat(listOf(session, "")).contains("Shelved pentest");
        assertThat(listOf(session, "?archived=true")).doesNotContain("Shelved pentest");
        assertThat(activeProjects(client)).isOne();
        assertThat(mvc.get().uri("/projects/{id}", project).cookie(session))
                .bodyText()
                .doesNotContain("This project is archived")
                .contains("Save Changes");
        assertThat(post(session, "/projects/" + project + "/assets", "kind", "HOST", "value", "new.example.com"))
                .hasStatus3xxRedirection();
        assertThat(auditTrail.actionsBy(workspace, owner.email()))
                .contains(AuditAction.PROJECT_ARCHIVED, AuditAction.PROJECT_RESTORED);
    }

    @Test
    void anEditorCannotArchiveOrRestore_anAdminCan() {
        TestUser owner = testWorkspaces.addUser(workspace, PlatformRole.ANALYST);
        TestUser editor = testWorkspaces.addUser(workspace, PlatformRole.ANALYST);
        Cookie editorSession = SignIn.as(mvc, editor);
        UUID project = testClients.project(workspace, owner, "Editor archive attempt", null, ProjectStatus.PLANNED);
        putOnTeam(owner, project, editor, ProjectRole.EDITOR);
        assertThat(mvc.get().uri("/projects/{id}", project).cookie(editorSession))
                .bodyText()
                .contains("Save Changes")
                .doesNotContain("Archive project");

        assertThat(post(editorSession, "/projects/" + project + "/archive")).hasStatus(403);
        assertThat(archivedCount(project)).isZero();

        assertThat(post(admin, "/projects/" + project + "/archive")).hasRedirectedUrl("/projects/" + project);
        assertThat(archivedCount(project)).isOne();
        assertThat(post(editorSession, "/projects/" + project + "/restore")).hasStatus(403);
        assertThat(archivedCount(project)).isOne();
        assertThat(post(admin, "/projects/" + project + "/restore")).hasRedirectedUrl("/projects/" + project);
        assertThat(archivedCount(project)).isZero();
        assertThat(auditTrail.actionsBy(workspace, editor.email())).contains(AuditAction.PERMISSION_DENIED);
    }

    // Delete ---------------------------------------------------------------------------------------------------------

    @Test
    void onlyTheOwnerOrAnAdminOpenTheDeletePage() {
        TestUser owner = testWorkspaces.addUser(workspace, PlatformRole.ANALYST);
        TestUser editor = testWorkspaces.addUser(workspace, PlatformRole.ANALYST);
        Cookie editorSession = SignIn.as(mvc, editor);
        UUID project = testClients.project(workspace, owner, "Guarded deletion", null, ProjectStatus.PLANNED);
        putOnTeam(owner, project, editor, ProjectRole.EDITOR);

        assertThat(mvc.get().uri("/projects/{id}/delete", project).cookie(editorSession))
                .hasStatus(403);
        assertThat(post(editorSession, "/projects/" + project + "/delete", "confirmName", "Guarded deletion"))
                .hasStatus(403);
        assertThat(testClients.count(workspace, "project where id = ?", project))
                .isOne();

        assertThat(mvc.get().uri("/projects/{id}/delete", project).cookie(SignIn.as(mvc, owner)))
                .hasStatusOk()
                .bodyText()
                .contains("Delete Guarded deletion?")
                .contains("name=\"confirmName\"")
                .contains("Permanently Delete");
        assertThat(mvc.get().uri("/projects/{id}/delete", project).cookie(admin))
                .hasStatusOk()
                .bodyText()
                .contains("Delete Guarded deletion?");
        assertThat(testClients.count(workspace, "project where id = ?", project))
                .isOne();
    }

    @Test
    void aWrongTypedNameDeletesNothing() {
        UUID project = testClients.project(workspace, "Almost deleted", null, ProjectStatus.PLANNED);

        MvcTestResult refused = post(admin, "/projects/" + project + "/delete", "confirmName", "almost deleted");

        assertThat(refused).hasStatusOk();
        assertThat(Html.fieldError(Html.of(refused), "confirmName"))
                .isEqualTo("Type the project&#39;s name exactly as shown to confirm.");
        assertThat(testClients.count(workspace, "project where id = ?", project))
                .isOne();
        assertThat(testClients.count(workspace, "project_member where project_id = ?", project))
                .isOne();
        assertThat(post(admin, "/projects/" + project + "/delete")).hasStatusOk();
        assertThat(testClients.count(workspace, "project where id = ?", project))
                .isOne();
    }

    @Test
    void theExactNameDeletesTheProjectWithItsTeamAndScope() {
        TestUser owner = testWorkspaces.addUser(workspace, PlatformRole.ANALYST);
        TestUser editor = testWorkspaces.addUser(workspace, PlatformRole.ANALYST);
        Cookie session = SignIn.as(mvc, owner);
        UUID client = testClients.create(workspace, "Deletion Client Co");
        UUID project = testClients.project(workspace, owner, "Doomed engagement", client, ProjectStatus.IN_PROGRESS);
        testClients.project(workspace, owner, "Surviving engagement", client, ProjectStatus.PLANNED);
        putOnTeam(owner, project, editor, ProjectRole.EDITOR);
        post(session, "/projects/" + project + "/assets", "kind", "URL", "value", "https://doomed.example.com/");
        post(session, "/projects/" + project + "/assets", "kind", "IP_RANGE", "value", "10.9.0.0/16");
        assertThat(testClients.count(workspace, "project_asset where project_id = ?", project))
                .isEqualTo(2);
        assertThat(activeProjects(client)).isEqualTo(2);

        MvcTestResult deleted = post(session, "/projects/" + project + "/delete", "confirmName", "Doomed engagement");

        assertThat(deleted).hasRedirectedUrl("/projects");
        assertThat(deleted).flash().containsEntry("flash", "Project Doomed engagement was deleted.");
        assertThat(testClients.count(workspace, "project where id = ?", project))
                .isZero();
        assertThat(testClients.count(workspace, "project_member where project_id = ?", project))
                .isZero();
        assertThat(testClients.count(workspace, "project_asset where project_id = ?", project))
                .isZero();
        assertThat(mvc.get().uri("/projects/{id}", project).cookie(session)).hasStatus(404);
        assertThat(activeProjects(client)).isOne();
        assertThat(mvc.get().uri("/clients/{id}/projects", client).cookie(session))
                .bodyText()
                .contains("Surviving engagement")
                .doesNotContain("Doomed engagement");
        assertThat(auditTrail.entriesBy(workspace, owner.email()))
                .filteredOn(e -> e.action() == AuditAction.PROJECT_DELETED)
                .extracting(AuditEntryView::target, AuditEntryView::details)
                .containsExactly(tuple("Doomed engagement", "Permanently deleted with its team and scope"));
    }

    @Test
    void aProjectOfAnArchivedClientCannotBeDeleted() {
        UUID client = testClients.create(workspace, "Frozen Client Co");
        UUID project = testClients.project(workspace, "Frozen engagement", client, ProjectStatus.COMPLETED);
        testClients.archive(workspace, client);

        assertThat(post(admin, "/projects/" + project + "/delete", "confirmName", "Frozen engagement"))
                .hasStatus(409)
                .bodyText()
                .contains("The client Frozen Client Co is archived, so its projects are read-only.");
        assertThat(testClients.count(workspace, "project where id = ?", project))
                .isOne();
    }

    private int activeProjects(UUID client) {
        return testClients.value(workspace, Integer.class, "select active_projects from client where id = ?", client);
    }

    private long archivedCount(UUID project) {
        return testClients.count(workspace, "project where id = ? and archived_at is not null", project);
    }

    private String listOf(Cookie session, String query) {
        return Html.main(
                Html.of(mvc.get().uri("/projects" + query).cookie(session).exchange()));
    }

    private void putOnTeam(TestUser owner, UUID project, TestUser member, ProjectRole role) {
        ActingAs.run(workspace, owner, () -> projects.putOnTeam(project, new TeamMemberForm(member.id(), role)));
    }

    static UUID projectIdFrom(MvcTestResult created) {
        String location = created.getResponse().getRedirectedUrl();
        assertThat(location).as("redirect after create").matches("/projects/[0-9a-f-]{36}");
        return UUID.fromString(location.substring("/projects/".length()));
    }

    private MvcTestResult post(Cookie session, String url, String... params) {
        var request = mvc.post().uri(url).cookie(session).with(csrf());
        for (int i = 0; i < params.length; i += 2) {
            request.param(params[i], params[i + 1]);
        }
        return request.exchange();
    }
}
