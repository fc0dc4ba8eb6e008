package io.bridgehead.clients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import io.bridgehead.access.PlatformRole;
import io.bridgehead.audit.AuditAction;
import io.bridgehead.audit.AuditEntryView;
import io.bridgehead.projects.ProjectRole;
import io.bridgehead.projects.ProjectStatus;
import io.bridgehead.projects.Projects;
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
import java.awt.Color;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** Who may change clients, what a Viewer sees, workspace isolation, and the audit trail of every change. */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClientPermissionsTest {

    private static final List<String> CLIENT_PAGES = List.of(
            "", "/projects", "/contacts", "/notes", "/settings", "/edit", "/archive", "/delete", "/logo", "/logo/edit");

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
        workspace = testWorkspaces.create("Client permissions");
        admin = SignIn.as(mvc, workspace.admin());
    }

    @ParameterizedTest
    @EnumSource(
            value = PlatformRole.class,
            names = {"REVIEWER", "VIEWER"})
    void reviewersAndViewersCannotCreateEditOrArchive(PlatformRole role) {
        TestUser user = testWorkspaces.addUser(workspace, role);
        UUID client = testClients.create(workspace, "Readonly for " + role);
        UUID project = testClients.project(workspace, "Project of " + role, client, ProjectStatus.IN_PROGRESS);
        ActingAs.run(
                workspace,
                workspace.admin(),
                () -> projects.putOnTeam(
                        project, new io.bridgehead.projects.TeamMemberForm(user.id(), ProjectRole.REVIEWER)));
        UUID note = addNoteAsAdmin(client, "Admin note");
        Cookie session = SignIn.as(mvc, user);
        assertThat(mvc.get().uri("/clients/{id}", client).cookie(session))
                .as("the client is visible to the user")
                .hasStatusOk()
                .bodyText()
                .doesNotContain("href=\"/clients/" + client + "/edit\"")
                .doesNotContain("href=\"/clients/" + client + "/archive\"");

        assertThat(mvc.get().uri("/clients/new").cookie(session)).hasStatus(403);
        assertThat(post(session, "/clients/new", "name", "Sneaky", "contactEmail", "s@sneaky.test"))
                .hasStatus(403);
        assertThat(mvc.get().uri("/clients/{id}/edit", client).cookie(session)).hasStatus(403);
        assertThat(post(session, "/clients/" + client + "/edit", "name", "Renamed", "contactEmail", "r@x.test"))
                .hasStatus(403);
        assertThat(post(session, "/clients/" + client + "/archive")).hasStatus(403);
        assertThat(post(session, "/clients/" + client + "/contacts", "fullName", "Intruder"))
                .hasStatus(403);
        assertThat(post(session, "/clients/" + client + "/notes", "body", "Graffiti"))
                .hasStatus(403);
        assertThat(post(session, "/clients/" + client + "/notes/" + note, "body", "Changed"))
                .hasStatus(403);
        assertThat(post(session, "/clients/" + client + "/notes/" + note + "/delete"))
                .hasStatus(403);
        assertThat(mvc.post()
                        .uri("/clients/{id}/logo", client)
                        .multipart()
                        .file(new MockMultipartFile("file", "l.png", "image/png", TestClients.png(32, 32, Color.RED)))
                        .cookie(session)
                        .with(csrf()))
                .hasStatus(403);

        assertThat(testClients.value(
                        workspace,
                        String.class,
                        "select name || '/' || (archived_at is null) || '/' || logo_version from client where id = ?",
                        client))
                .isEqualTo("Readonly for " + role + "/true/0");
        assertThat(testClients.count(workspace, "client where name = 'Sneaky'")).isZero();
        assertThat(testClients.count(workspace, "client_contact where client_id = ?", client))
                .isZero();
        assertThat(testClients.count(workspace, "client_note where client_id = ? and body = 'Admin note'", client))
                .isOne();
        assertThat(auditTrail.actionsBy(workspace, user.email())).contains(AuditAction.PERMISSION_DENIED);
    }

    @Test
    void pagesThatOnlyServeAChangeAreRefusedToAReviewer() {
        TestUser reviewer = testWorkspaces.addUser(workspace, PlatformRole.REVIEWER);
        UUID client = testClients.create(workspace, "Confirm Guarded");
        Cookie session = SignIn.as(mvc, reviewer);

        assertThat(mvc.get().uri("/clients/{id}/archive", client).cookie(session))
                .hasStatus(403);
        assertThat(mvc.get().uri("/clients/{id}/logo/edit", client).cookie(session))
                .hasStatus(403);
        assertThat(mvc.get().uri("/clients/{id}", client).cookie(session)).hasStatusOk();
    }

    @Test
    void aViewerSeesOnlyTheClientsOfProjectsTheyAreAssignedTo() {
        TestUser viewer = testWorkspaces.addUser(workspace, PlatformRole.VIEWER);
        UUID seen = testClients.create(workspace, "Viewer Seen Co");
        UUID hidden = testClients.create(workspace, "Viewer Hidden Co");
        UUID project = testClients.project(workspace, "Seen engagement", seen, ProjectStatus.REPORTING);
        testClients.project(workspace, "Hidden engagement", hidden, ProjectStatus.REPORTING);
        ActingAs.run(
                workspace,
                workspace.admin(),
                () -> projects.putOnTeam(
                        project, new io.bridgehead.projects.TeamMemberForm(viewer.id(), ProjectRole.REVIEWER)));
        Cookie session = SignIn.as(mvc, viewer);

        assertThat(mvc.get().uri("/clients").cookie(session))
                .hasStatusOk()
                .bodyText()
                .contains("Viewer Seen Co")
                .doesNotContain("Viewer Hidden Co")
                .contains("1 client</p>");
        assertThat(mvc.get().uri("/clients/{id}", seen).cookie(session))
                .hasStatusOk()
                .bodyText()
                .contains("Viewer Seen Co");
        for (String page : List.of("", "/projects", "/contacts", "/notes", "/settings", "/logo")) {
            assertThat(mvc.get().uri("/clients/" + hidden + page).cookie(session))
                    .as(page)
                    .hasStatus(404);
        }
    }

    @Test
    void anotherWorkspacesClientIsNotFoundAtEveryClientUrl() {
        TestWorkspace other = testWorkspaces.create("Other firm");
        UUID foreign = testClients.create(other, "Foreign Client");
        UUID project = testClients.project(other, "Foreign project", foreign, ProjectStatus.COMPLETED);
        Cookie otherAdmin = SignIn.as(mvc, other.admin());
        assertThat(post(otherAdmin, "/clients/" + foreign + "/contacts", "fullName", "Foreign Contact"))
                .hasStatus3xxRedirection();
        UUID contact =
                testClients.value(other, UUID.class, "select id from client_contact where client_id = ?", foreign);

        for (String page : CLIENT_PAGES) {
            assertThat(mvc.get().uri("/clients/" + foreign + page).cookie(admin))
                    .as("GET " + page)
                    .hasStatus(404);
        }
        assertThat(mvc.get()
                        .uri("/clients/{id}/contacts/{c}/edit", foreign, contact)
                        .cookie(admin))
                .hasStatus(404);
        for (String[] change : List.of(
                new String[] {"/edit", "name", "Hijacked", "contactEmail", "h@x.test"},
                new String[] {"/archive"},
                new String[] {"/restore"},
                new String[] {"/delete", "confirmName", "Foreign Client"},
                new String[] {"/contacts", "fullName", "Injected", "_primary", "on"},
                new String[] {"/contacts/" + contact, "fullName", "Hijacked", "_primary", "on"},
                new String[] {"/contacts/" + contact + "/remove"},
                new String[] {"/notes", "body", "Injected"},
                new String[] {"/logo/remove"})) {
            String[] params = java.util.Arrays.copyOfRange(change, 1, change.length);
            assertThat(post(admin, "/clients/" + foreign + change[0], params))
                    .as("POST " + change[0])
                    .hasStatus(404);
        }
        assertThat(mvc.post()
                        .uri("/clients/{id}/logo", foreign)
                        .multipart()
                        .file(new MockMultipartFile("file", "l.png", "image/png", TestClients.png(32, 32, Color.RED)))
                        .cookie(admin)
                        .with(csrf()))
                .hasStatus(404);

        assertThat(testClients.value(
                        other,
                        String.class,
                        "select name || '/' || (archived_at is null) || '/' || logo_version from client where id = ?",
                        foreign))
                .isEqualTo("Foreign Client/true/0");
        assertThat(testClients.count(
                        other, "client_contact where client_id = ? and full_name = 'Foreign Contact'", foreign))
                .isOne();
        assertThat(testClients.count(other, "client_note where client_id = ?", foreign))
                .isZero();
        assertThat(testClients.count(other, "project where id = ?", project)).isOne();
        assertThat(Html.of(mvc.get().uri("/clients").cookie(admin).exchange())).doesNotContain("Foreign Client");
    }

    @Test
    void everyChangeToAClientIsAudited() {
        TestUser editor = testWorkspaces.addUser(workspace, PlatformRole.ADMIN);
        Cookie session = SignIn.as(mvc, editor);

        UUID client = TestClients.idFromRedirect(
                post(session, "/clients/new", "name", "Audited Co", "contactEmail", "a@audited.test"));
        post(session, "/clients/" + client + "/edit", "name", "Audited Company", "contactEmail", "a@audited.test");
        post(session, "/clients/" + client + "/contacts", "fullName", "Auditor");
        UUID contact =
                testClients.value(workspace, UUID.class, "select id from client_contact where client_id = ?", client);
        post(session, "/clients/" + client + "/contacts/" + contact, "fullName", "Chief Auditor");
        post(session, "/clients/" + client + "/contacts/" + contact + "/remove");
        post(session, "/clients/" + client + "/notes", "body", "Audit me");
        UUID note = testClients.value(workspace, UUID.class, "select id from client_note where client_id = ?", client);
        post(session, "/clients/" + client + "/notes/" + note, "body", "Audited");
        post(session, "/clients/" + client + "/notes/" + note + "/delete");
        assertThat(mvc.post()
                        .uri("/clients/{id}/logo", client)
                        .multipart()
                        .file(new MockMultipartFile("file", "l.png", "image/png", TestClients.png(32, 32, Color.RED)))
                        .cookie(session)
                        .with(csrf()))
                .hasStatus3xxRedirection();
        post(session, "/clients/" + client + "/logo/remove");
        post(session, "/clients/" + client + "/archive");
        post(session, "/clients/" + client + "/restore");
        assertThat(post(session, "/clients/" + client + "/delete", "confirmName", "Audited Company"))
                .hasRedirectedUrl("/clients");

        List<AuditEntryView> entries =
                new java.util.ArrayList<>(auditTrail.entriesBy(workspace, editor.email()).stream()
                        .filter(e -> e.action().name().startsWith("CLIENT_"))
                        .toList());
        java.util.Collections.reverse(entries);
        assertThat(entries)
                .extracting(AuditEntryView::action)
                .containsExactly(
                        AuditAction.CLIENT_CREATED,
                        AuditAction.CLIENT_UPDATED,
                        AuditAction.CLIENT_CONTACT_ADDED,
                        AuditAction.CLIENT_CONTACT_UPDATED,
                        AuditAction.CLIENT_CONTACT_REMOVED,
                        AuditAction.CLIENT_NOTE_ADDED,
                        AuditAction.CLIENT_NOTE_EDITED,
                        AuditAction.CLIENT_NOTE_DELETED,
                        AuditAction.CLIENT_LOGO_CHANGED,
                        AuditAction.CLIENT_LOGO_CHANGED,
                        AuditAction.CLIENT_ARCHIVED,
                        AuditAction.CLIENT_RESTORED,
                        AuditAction.CLIENT_DELETED);
        assertThat(entries.get(0).target()).isEqualTo("Audited Co");
        assertThat(entries.get(1).details()).isEqualTo("Renamed from Audited Co");
        assertThat(entries.subList(1, entries.size()))
                .extracting(AuditEntryView::target)
                .containsOnly("Audited Company");
        assertThat(entries).extracting(AuditEntryView::actorId).containsOnly(editor.id());
    }

    private UUID addNoteAsAdmin(UUID client, String body) {
        assertThat(post(admin, "/clients/" + client + "/notes", "body", body)).hasStatus3xxRedirection();
        return testClients.value(
                workspace, UUID.class, "select id from client_note where client_id = ? and body = ?", client, body);
    }

    private MvcTestResult post(Cookie session, String url, String... params) {
        var request = mvc.post().uri(url).cookie(session).with(csrf());
        for (int i = 0; i < params.length; i += 2) {
            request.param(params[i], params[i + 1]);
        }
        if (url.contains("/contacts")) {
            // As a browser sends them: each designation checkbox comes with its hidden field marker.
            request.param("_primary", "on")
                    .param("_technical", "on")
                    .param("_executive", "on")
                    .param("_billing", "on");
        }
        return request.exchange();
    }
}
