package io.bridgehead.projects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import io.bridgehead.access.PlatformRole;
import io.bridgehead.audit.AuditAction;
import io.bridgehead.audit.AuditEntryView;
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
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** A project's team: who is on it with which role, what that lets them do, and who may change it. */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProjectTeamTest {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    TestWorkspaces testWorkspaces;

    @Autowired
    TestClients testClients;

    @Autowired
    AuditTrail auditTrail;

    TestWorkspace workspace;

    @BeforeAll
    void setUp() {
        workspace = testWorkspaces.create("Project team");
    }

    @Test
    void anAnalystAddedAsEditorCanThenEditTheProject() {
        TestUser owner = testWorkspaces.addUser(workspace, PlatformRole.ANALYST);
        TestUser analyst = testWorkspaces.addUser(workspace, PlatformRole.ANALYST);
        Cookie ownerSession = SignIn.as(mvc, owner);
        Cookie analystSession = SignIn.as(mvc, analyst);
        UUID project = testClients.project(workspace, owner, "Team edit", null, ProjectStatus.PLANNED);
        assertThat(mvc.get().uri("/projects/{id}", project).cookie(ownerSession))
                .bodyText()
                .contains("Add or change")
                .contains("<option value=\"" + analyst.id() + "\">Test Analyst (Analyst)</option>");
        assertThat(rename(analystSession, project, "Team edit by outsider")).hasStatus(403);

        MvcTestResult added = putOnTeam(ownerSession, project, analyst, "EDITOR");

        assertThat(added).hasRedirectedUrl("/projects/" + project + "#team");
        assertThat(added).flash().containsEntry("flash", "Team updated.");
        assertThat(mvc.get().uri("/projects/{id}", project).cookie(ownerSession))
                .bodyText()
                .contains(owner.email() + "</td><td>Owner</td>")
                .contains(analyst.email() + "</td><td>Editor</td>");
        assertThat(mvc.get().uri("/projects/{id}", project).cookie(analystSession))
                .bodyText()
                .contains("Save Changes")
                .contains("Add asset")
                .doesNotContain("Add or change")
                .doesNotContain("Archive project");
        assertThat(rename(analystSession, project, "Team edit by editor")).hasRedirectedUrl("/projects/" + project);
        assertThat(testClients.value(workspace, String.class, "select name from project where id = ?", project))
                .isEqualTo("Team edit by editor");
        assertThat(auditTrail.entriesBy(workspace, owner.email()))
                .filteredOn(e -> e.action() == AuditAction.PROJECT_TEAM_CHANGED)
                .extracting(AuditEntryView::target, AuditEntryView::details)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Team edit", analyst.email() + " as Editor"));
    }

    @Test
    void aViewerAddedAsReviewerSeesTheProjectAndItsClient() {
        TestUser owner = testWorkspaces.addUser(workspace, PlatformRole.ANALYST);
        TestUser viewer = testWorkspaces.addUser(workspace, PlatformRole.VIEWER);
        Cookie viewerSession = SignIn.as(mvc, viewer);
        UUID client = testClients.create(workspace, "Viewer Visible Co");
        UUID project = testClients.project(workspace, owner, "Viewer visible pentest", client, ProjectStatus.PLANNED);
        assertThat(mvc.get().uri("/projects/{id}", project).cookie(viewerSession))
                .hasStatus(404);
        assertThat(page(viewerSession, "/projects")).doesNotContain("Viewer visible pentest");
        assertThat(page(viewerSession, "/clients")).doesNotContain("Viewer Visible Co");

        assertThat(putOnTeam(SignIn.as(mvc, owner), project, viewer, "REVIEWER"))
                .hasRedirectedUrl("/projects/" + project + "#team");

        assertThat(page(viewerSession, "/projects")).contains("Viewer visible pentest");
        assertThat(mvc.get().uri("/projects/{id}", project).cookie(viewerSession))
                .hasStatusOk()
                .bodyText()
                .contains("<h1>Viewer visible pentest</h1>")
                .contains("<a href=\"/clients/" + client + "\">Viewer Visible Co</a>")
                .contains(viewer.email() + "</td><td>Reviewer</td>")
                .doesNotContain("Save Changes")
                .doesNotContain("Add asset");
        assertThat(page(viewerSession, "/clients")).contains("Viewer Visible Co");
        assertThat(rename(viewerSession, project, "Viewer edit")).hasStatus(403);
    }

    @Test
    void platformViewersAndReviewersCanOnlyBeReviewersOnAProject() {
        TestUser owner = testWorkspaces.addUser(workspace, PlatformRole.ANALYST);
        TestUser viewer = testWorkspaces.addUser(workspace, PlatformRole.VIEWER);
        TestUser reviewer = testWorkspaces.addUser(workspace, PlatformRole.REVIEWER);
        Cookie ownerSession = SignIn.as(mvc, owner);
        UUID project = testClients.project(workspace, owner, "Read-only helpers", null, ProjectStatus.PLANNED);

        MvcTestResult refused = putOnTeam(ownerSession, project, viewer, "EDITOR");

        assertThat(refused).hasStatusOk();
        assertThat(Html.of(refused))
                .contains(
                        "<p class=\"field-error\" id=\"teamRole-error\">Test Viewer is a Viewer in this workspace and can only be a"
                                + " Reviewer on a project.</p>");
        assertThat(Html.of(putOnTeam(ownerSession, project, viewer, "OWNER")))
                .contains("Test Viewer is a Viewer in this workspace and can only be a Reviewer on a project.");
        assertThat(Html.of(putOnTeam(ownerSession, project, reviewer, "EDITOR")))
                .contains("Test Reviewer is a Reviewer in this workspace and can only be a Reviewer on a project.");
        assertThat(testClients.count(workspace, "project_member where project_id = ?", project))
                .isOne();
        assertThat(role(project, owner)).isEqualTo("OWNER");
    }

    @Test
    void makingSomeoneOwnerTransfersOwnershipAndThePreviousOwnerBecomesEditor() {
        TestUser owner = testWorkspaces.addUser(workspace, PlatformRole.ANALYST);
        TestUser successor = testWorkspaces.addUser(workspace, PlatformRole.ANALYST);
        TestUser newcomer = testWorkspaces.addUser(workspace, PlatformRole.ANALYST);
        Cookie ownerSession = SignIn.as(mvc, owner);
        Cookie successorSession = SignIn.as(mvc, successor);
        UUID project = testClients.project(workspace, owner, "Handover", null, ProjectStatus.IN_PROGRESS);
        putOnTeam(ownerSession, project, successor, "EDITOR");

        assertThat(putOnTeam(ownerSession, project, successor, "OWNER"))
                .hasRedirectedUrl("/projects/" + project + "#team");

        assertThat(role(project, successor)).isEqualTo("OWNER");
        assertThat(role(project, owner)).isEqualTo("EDITOR");
        assertThat(owners(project)).isOne();
        assertThat(mvc.get().uri("/projects/{id}", project).cookie(ownerSession))
                .bodyText()
                .contains(successor.email() + "</td><td>Owner</td>")
                .contains(owner.email() + "</td><td>Editor</td>")
                .contains("Save Changes")
                .doesNotContain("Add or change");
        assertThat(putOnTeam(ownerSession, project, newcomer, "EDITOR")).hasStatus(403);
        assertThat(post(ownerSession, "/projects/" + project + "/archive")).hasStatus(403);

        assertThat(putOnTeam(successorSession, project, newcomer, "OWNER"))
                .as("ownership passes on to someone not yet on the team")
                .hasRedirectedUrl("/projects/" + project + "#team");
        assertThat(role(project, newcomer)).isEqualTo("OWNER");
        assertThat(role(project, successor)).isEqualTo("EDITOR");
        assertThat(owners(project)).isOne();
        assertThat(auditTrail.entriesBy(workspace, owner.email()))
                .filteredOn(e -> e.action() == AuditAction.PROJECT_TEAM_CHANGED)
                .extracting(AuditEntryView::details)
                .contains(successor.email() + " as Owner");
    }

    @Test
    void theOwnerCannotBeRemovedOrDemotedUntilSomeoneElseIsOwner() {
        TestUser owner = testWorkspaces.addUser(workspace, PlatformRole.ANALYST);
        Cookie ownerSession = SignIn.as(mvc, owner);
        UUID project = testClients.project(workspace, owner, "Sticky owner", null, ProjectStatus.PLANNED);
        assertThat(mvc.get().uri("/projects/{id}", project).cookie(ownerSession))
                .bodyText()
                .doesNotContain("aria-label=\"Remove Test Analyst from the team\"");

        assertThat(post(ownerSession, "/projects/" + project + "/team/" + owner.id() + "/remove"))
                .hasStatus(409)
                .bodyText()
                .contains("The Owner cannot leave the team. Make someone else Owner first.");
        assertThat(Html.of(putOnTeam(ownerSession, project, owner, "EDITOR")))
                .contains("A project has exactly one Owner. Make someone else Owner first.");
        assertThat(post(SignIn.as(mvc, workspace.admin()), "/projects/" + project + "/team/" + owner.id() + "/remove"))
                .as("not even by an Admin")
                .hasStatus(409);

        assertThat(role(project, owner)).isEqualTo("OWNER");
        assertThat(owners(project)).isOne();
    }

    @Test
    void aRemovedMemberLosesAccessWithTheirNextRequest() {
        TestUser owner = testWorkspaces.addUser(workspace, PlatformRole.ANALYST);
        TestUser viewer = testWorkspaces.addUser(workspace, PlatformRole.VIEWER);
        TestUser editor = testWorkspaces.addUser(workspace, PlatformRole.ANALYST);
        Cookie ownerSession = SignIn.as(mvc, owner);
        Cookie viewerSession = SignIn.as(mvc, viewer);
        Cookie editorSession = SignIn.as(mvc, editor);
        UUID project = testClients.project(workspace, owner, "Shrinking team", null, ProjectStatus.PLANNED);
        putOnTeam(ownerSession, project, viewer, "REVIEWER");
        putOnTeam(ownerSession, project, editor, "EDITOR");
        assertThat(mvc.get().uri("/projects/{id}", project).cookie(viewerSession))
                .hasStatusOk();
        assertThat(rename(editorSession, project, "Shrinking team")).hasRedirectedUrl("/projects/" + project);
        assertThat(mvc.get().uri("/projects/{id}", project).cookie(ownerSession))
                .bodyText()
                .contains("action=\"/projects/" + project + "/team/" + viewer.id() + "/remove\"");

        MvcTestResult removed = post(ownerSession, "/projects/" + project + "/team/" + viewer.id() + "/remove");
        assertThat(removed).hasRedirectedUrl("/projects/" + project + "#team");
        assertThat(removed).flash().containsEntry("flash", "Removed from the team. It takes effect at once.");
        assertThat(post(ownerSession, "/projects/" + project + "/team/" + editor.id() + "/remove"))
                .hasRedirectedUrl("/projects/" + project + "#team");

        assertThat(mvc.get().uri("/projects/{id}", project).cookie(viewerSession))
                .hasStatus(404);
        assertThat(page(viewerSession, "/projects")).doesNotContain("Shrinking team");
        assertThat(rename(editorSession, project, "Edited after removal")).hasStatus(403);
        assertThat(testClients.value(workspace, String.class, "select name from project where id = ?", project))
                .isEqualTo("Shrinking team");
        assertThat(testClients.count(workspace, "project_member where project_id = ?", project))
                .isOne();
        assertThat(auditTrail.entriesBy(workspace, owner.email()))
                .filteredOn(e -> e.action() == AuditAction.PROJECT_TEAM_CHANGED)
                .extracting(AuditEntryView::details)
                .contains("Removed " + viewer.email(), "Removed " + editor.email());
    }

    @Test
    void anEditorCannotManageTheTeam() {
        TestUser owner = testWorkspaces.addUser(workspace, PlatformRole.ANALYST);
        TestUser editor = testWorkspaces.addUser(workspace, PlatformRole.ANALYST);
        TestUser other = testWorkspaces.addUser(workspace, PlatformRole.ANALYST);
        Cookie ownerSession = SignIn.as(mvc, owner);
        Cookie editorSession = SignIn.as(mvc, editor);
        UUID project = testClients.project(workspace, owner, "Editor team attempt", null, ProjectStatus.PLANNED);
        putOnTeam(ownerSession, project, editor, "EDITOR");
        putOnTeam(ownerSession, project, other, "REVIEWER");
        assertThat(mvc.get().uri("/projects/{id}", project).cookie(editorSession))
                .bodyText()
                .doesNotContain("Add or change")
                .doesNotContain("/team/" + other.id() + "/remove");

        assertThat(putOnTeam(editorSession, project, other, "EDITOR")).hasStatus(403);
        assertThat(putOnTeam(editorSession, project, editor, "OWNER")).hasStatus(403);
        assertThat(post(editorSession, "/projects/" + project + "/team/" + other.id() + "/remove"))
                .hasStatus(403);

        assertThat(role(project, owner)).isEqualTo("OWNER");
        assertThat(role(project, editor)).isEqualTo("EDITOR");
        assertThat(role(project, other)).isEqualTo("REVIEWER");
        assertThat(auditTrail.actionsBy(workspace, editor.email()))
                .contains(AuditAction.PERMISSION_DENIED)
                .doesNotContain(AuditAction.PROJECT_TEAM_CHANGED);
    }

    @Test
    void onlyColleaguesFromThisWorkspaceCanJoinTheTeam() {
        TestUser owner = testWorkspaces.addUser(workspace, PlatformRole.ANALYST);
        Cookie ownerSession = SignIn.as(mvc, owner);
        TestWorkspace other = testWorkspaces.create("Other team firm");
        TestUser stranger = testWorkspaces.addUser(other, PlatformRole.ANALYST);
        UUID project = testClients.project(workspace, owner, "Closed team", null, ProjectStatus.PLANNED);

        MvcTestResult refused = putOnTeam(ownerSession, project, stranger, "EDITOR");

        assertThat(refused).hasStatusOk();
        assertThat(Html.of(refused)).contains("Choose a colleague from this workspace.");
        assertThat(testClients.count(workspace, "project_member where project_id = ?", project))
                .isOne();
    }

    private long owners(UUID project) {
        return testClients.count(workspace, "project_member where project_id = ? and role = 'OWNER'", project);
    }

    private String role(UUID project, TestUser user) {
        return testClients.value(
                workspace,
                String.class,
                "select role from project_member where project_id = ? and user_id = ?",
                project,
                user.id());
    }

    private MvcTestResult putOnTeam(Cookie session, UUID project, TestUser user, String role) {
        return post(
                session, "/projects/" + project + "/team", "userId", user.id().toString(), "role", role);
    }

    private MvcTestResult rename(Cookie session, UUID project, String name) {
        return post(session, "/projects/" + project, "name", name, "status", "PLANNED");
    }

    private String page(Cookie session, String url) {
        return Html.main(Html.of(mvc.get().uri(url).cookie(session).exchange()));
    }

    private MvcTestResult post(Cookie session, String url, String... params) {
        var request = mvc.post().uri(url).cookie(session).with(csrf());
        for (int i = 0; i < params.length; i += 2) {
            request.param(params[i], params[i + 1]);
        }
        return request.exchange();
    }
}
