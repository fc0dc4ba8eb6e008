package io.bridgehead.projects;

import static org.assertj.core.api.Assertions.assertThat;
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
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** A project's client account: moving projects between clients, badges on the client, and who may change a project. */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProjectClientAccountTest {

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
        workspace = testWorkspaces.create("Project client account");
        admin = SignIn.as(mvc, workspace.admin());
    }

    @Test
    void anUnassignedProjectIsMovedUnderAClientFromThePlanPage() {
        UUID client = testClients.create(workspace, "Plan Target Co");
        UUID project = testClients.project(workspace, "Stray assessment", null, ProjectStatus.IN_PROGRESS);
        String plan = Html.of(mvc.get().uri("/admin/plan").cookie(admin).exchange());
        assertThat(plan)
                .contains("Stray assessment")
                .contains("action=\"/projects/" + project + "/client\"")
                .contains("<option value=\"" + client + "\">Plan Target Co</option>");

        MvcTestResult moved = post(admin, "/projects/" + project + "/client", "clientId", client.toString());

        assertThat(moved).hasRedirectedUrl("/projects/" + project);
        assertThat(moved).flash().containsEntry("flash", "Project moved.");
        assertThat(Html.of(mvc.get().uri("/admin/plan").cookie(admin).exchange()))
                .doesNotContain("Stray assessment");
        assertThat(mvc.get().uri("/clients/{id}/projects", client).cookie(admin))
                .bodyText()
                .contains("Stray assessment");
        assertThat(testClients.value(
                        workspace, Integer.class, "select active_projects from client where id = ?", client))
                .isOne();
        assertThat(auditTrail.entriesBy(workspace, workspace.admin().email()))
                .filteredOn(e -> e.action() == AuditAction.PROJECT_MOVED)
                .extracting(AuditEntryView::target, AuditEntryView::details)
                .contains(org.assertj.core.groups.Tuple.tuple("Stray assessment", "Unassigned → Plan Target Co"));
    }

    @Test
    void theProjectPageMovesAProjectToAnotherClientAccount() {
        UUID from = testClients.create(workspace, "Old Account Co");
        UUID to = testClients.create(workspace, "New Account Co");
        UUID project = testClients.project(workspace, "Migrating pentest", from, ProjectStatus.PLANNED);
        assertThat(mvc.get().uri("/projects/{id}", project).cookie(admin))
                .hasStatusOk()
                .bodyText()
                .contains("Client account")
                .contains("<select id=\"move-client\" name=\"clientId\">")
                .contains("<option value=\"" + to + "\">New Account Co</option>");

        assertThat(post(admin, "/projects/" + project + "/client", "clientId", to.toString()))
                .hasRedirectedUrl("/projects/" + project);

        assertThat(testClients.value(workspace, UUID.class, "select client_id from project where id = ?", project))
                .isEqualTo(to);
        assertThat(testClients.value(workspace, Integer.class, "select active_projects from client where id = ?", from))
                .isZero();
        assertThat(testClients.value(workspace, Integer.class, "select active_projects from client where id = ?", to))
                .isOne();
        assertThat(auditTrail.entriesBy(workspace, workspace.admin().email()))
                .filteredOn(e -> e.action() == AuditAction.PROJECT_MOVED)
                .extracting(AuditEntryView::details)
                .contains("Old Account Co → New Account Co");

        assertThat(post(admin, "/projects/" + project + "/client", "clientId", ""))
                .hasRedirectedUrl("/projects/" + project);
        assertThat(testClients.count(workspace, "project where id = ? and client_id is null", project))
                .isOne();
    }

    @Test
    void anotherWorkspacesProjectOrClientIsNotFound() {
        TestWorkspace other = testWorkspaces.create("Other project firm");
        UUID foreignClient = testClients.create(other, "Foreign Account");
        UUID foreignProject = testClients.project(other, "Foreign engagement", foreignClient, ProjectStatus.PLANNED);
        UUID mine = testClients.project(workspace, "Home engagement", null, ProjectStatus.PLANNED);

        assertThat(mvc.get().uri("/projects/{id}", foreignProject).cookie(admin))
                .hasStatus(404);
        assertThat(post(admin, "/projects/" + foreignProject, "name", "Hijacked", "status", "COMPLETED"))
                .hasStatus(404);
        assertThat(post(admin, "/projects/" + foreignProject + "/client", "clientId", ""))
                .hasStatus(404);
        assertThat(post(admin, "/projects/" + mine + "/client", "clientId", foreignClient.toString()))
                .hasStatus(404);

        assertThat(testClients.value(
                        other,
                        String.class,
                        "select name || '/' || status || '/' || client_id from project where id = ?",
                        foreignProject))
                .isEqualTo("Foreign engagement/PLANNED/" + foreignClient);
        assertThat(testClients.count(workspace, "project where id = ? and client_id is null", mine))
                .isOne();
    }

    @Test
    void theClientsProjectsTabShowsDeliveryBadges() {
        UUID client = testClients.create(workspace, "Badged Co");
        testClients.project(workspace, "Badge testing", client, ProjectStatus.IN_PROGRESS);
        testClients.project(workspace, "Badge reporting", client, ProjectStatus.REPORTING);
        testClients.project(workspace, "Badge closed", client, ProjectStatus.COMPLETED);

        assertThat(mvc.get().uri("/clients/{id}/projects", client).cookie(admin))
                .hasStatusOk()
                .bodyText()
                .containsPattern("Badge testing</a></td>\\s*<td><span class=\"badge delivery status-in_progress\">"
                        + "Testing</span>")
                .containsPattern("Badge reporting</a></td>\\s*<td><span class=\"badge delivery status-reporting\">"
                        + "Reporting</span>")
                .containsPattern("Badge closed</a></td>\\s*<td><span class=\"badge delivery status-completed\">"
                        + "Closed</span>");
        assertThat(mvc.get()
                        .uri("/clients/{id}/projects?status=COMPLETED", client)
                        .cookie(admin))
                .bodyText()
                .contains("Badge closed")
                .doesNotContain("Badge testing")
                .doesNotContain("Badge reporting");
    }

    @Test
    void anAnalystWhoIsNotOwnerOrEditorCannotChangeAProject_theOwnerCan() {
        TestUser owner = testWorkspaces.addUser(workspace, PlatformRole.ANALYST);
        TestUser outsider = testWorkspaces.addUser(workspace, PlatformRole.ANALYST);
        Cookie ownerSession = SignIn.as(mvc, owner);
        Cookie outsiderSession = SignIn.as(mvc, outsider);
        UUID client = testClients.create(workspace, "Owned Co");
        UUID otherClient = testClients.create(workspace, "Elsewhere Co");

        MvcTestResult created = post(
                ownerSession,
                "/projects/new",
                "name",
                "Owner's project",
                "clientId",
                client.toString(),
                "status",
                "PLANNED");
        assertThat(created).hasStatus3xxRedirection();
        assertThat(created).flash().containsEntry("flash", "Project created. You are its Owner.");
        UUID project = UUID.fromString(created.getResponse().getRedirectedUrl().substring("/projects/".length()));

        assertThat(mvc.get().uri("/projects/{id}", project).cookie(outsiderSession))
                .hasStatusOk()
                .bodyText()
                .doesNotContain("Save Changes")
                .doesNotContain("Move project");
        assertThat(post(
                        outsiderSession,
                        "/projects/" + project,
                        "name",
                        "Taken over",
                        "clientId",
                        client.toString(),
                        "status",
                        "COMPLETED"))
                .hasStatus(403);
        assertThat(post(outsiderSession, "/projects/" + project + "/client", "clientId", otherClient.toString()))
                .hasStatus(403);
        assertThat(testClients.value(
                        workspace,
                        String.class,
                        "select name || '/' || status || '/' || client_id from project where id = ?",
                        project))
                .isEqualTo("Owner's project/PLANNED/" + client);
        assertThat(auditTrail.actionsBy(workspace, outsider.email())).contains(AuditAction.PERMISSION_DENIED);

        assertThat(mvc.get().uri("/projects/{id}", project).cookie(ownerSession))
                .bodyText()
                .contains("Save Changes")
                .contains("Move project");
        assertThat(post(
                        ownerSession,
                        "/projects/" + project,
                        "name",
                        "Owner's project v2",
                        "clientId",
                        client.toString(),
                        "status",
                        "IN_PROGRESS"))
                .hasRedirectedUrl("/projects/" + project);
        assertThat(post(ownerSession, "/projects/" + project + "/client", "clientId", otherClient.toString()))
                .hasRedirectedUrl("/projects/" + project);
        assertThat(testClients.value(
                        workspace,
                        String.class,
                        "select name || '/' || status || '/' || client_id from project where id = ?",
                        project))
                .isEqualTo("Owner's project v2/IN_PROGRESS/" + otherClient);

        ActingAs.run(
                workspace,
                owner,
                () -> projects.putOnTeam(project, new TeamMemberForm(outsider.id(), ProjectRole.EDITOR)));
        assertThat(post(
                        outsiderSession,
                        "/projects/" + project,
                        "name",
                        "Edited by the Editor",
                        "clientId",
                        otherClient.toString(),
                        "status",
                        "REPORTING"))
                .hasRedirectedUrl("/projects/" + project);
    }

    private MvcTestResult post(Cookie session, String url, String... params) {
        var request = mvc.post().uri(url).cookie(session).with(csrf());
        for (int i = 0; i < params.length; i += 2) {
            request.param(params[i], params[i + 1]);
        }
        return request.exchange();
    }
}
