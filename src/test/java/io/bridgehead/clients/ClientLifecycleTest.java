package io.bridgehead.clients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import io.bridgehead.access.PlatformRole;
import io.bridgehead.audit.AuditAction;
import io.bridgehead.audit.AuditEntryView;
import io.bridgehead.projects.ProjectStatus;
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
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** Creating, editing, archiving, restoring and deleting a client, and its last activity. */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClientLifecycleTest {

    private static final String READ_ONLY = "is archived, so its projects are read-only. Restore the client first.";

    @Autowired
    MockMvcTester mvc;

    @Autowired
    TestWorkspaces testWorkspaces;

    @Autowired
    TestClients testClients;

    @Autowired
    AuditTrail auditTrail;

    TestWorkspace workspace;
    Cookie admin;

    @BeforeAll
    void setUp() {
        workspace = testWorkspaces.create("Client lifecycle");
        admin = SignIn.as(mvc, workspace.admin());
    }

    // Create ---------------------------------------------------------------------------------------------------------

    @Test
    void nameAndContactEmailAreRequired() {
        MvcTestResult result = post("/clients/new", "name", " ", "contactEmail", "");

        assertThat(result).hasStatusOk();
        String page = Html.of(result);
        assertThat(Html.fieldError(page, "name")).isEqualTo("Enter the client&#39;s name.");
        assertThat(Html.fieldError(page, "contactEmail")).isEqualTo("Enter a contact e-mail.");
    }

    @Test
    void invalidEmailWebsiteAndPhoneAreExplainedAndTheInputIsKept() {
        MvcTestResult result = post(
                "/clients/new",
                "name",
                "Keepsake Ltd",
                "contactEmail",
                "not-an-address",
                "website",
                "ftp://keepsake.test",
                "phone",
                "call me maybe",
                "externalRef",
                "KS-1");

        assertThat(result).hasStatusOk();
        String page = Html.of(result);
        assertThat(Html.fieldError(page, "contactEmail"))
                .isEqualTo("Enter a valid e-mail address, like name@example.com.");
        assertThat(Html.fieldError(page, "website"))
                .isEqualTo("Enter a web address starting with http:// or https://.");
        assertThat(Html.fieldError(page, "phone")).isEqualTo("Use digits, spaces and + ( ) - . / only.");
        assertThat(page)
                .contains("value=\"Keepsake Ltd\"")
                .contains("value=\"not-an-address\"")
                .contains("value=\"ftp://keepsake.test\"")
                .contains("value=\"call me maybe\"")
                .contains("value=\"KS-1\"");

        MvcTestResult script = post(
                "/clients/new",
                "name",
                "Keepsake Ltd",
                "contactEmail",
                "a@keepsake.test",
                "website",
                "javascript:alert(1)");
        assertThat(Html.fieldError(Html.of(script), "website"))
                .isEqualTo("Enter a web address starting with http:// or https://.");
        assertThat(testClients.count(workspace, "client where name = ?", "Keepsake Ltd"))
                .isZero();
    }

    @Test
    void namesAreUniqueWhateverTheirCase() {
        testClients.create(workspace, "Acme");

        MvcTestResult result = post("/clients/new", "name", "ACME", "contactEmail", "sec@acme.test");

        assertThat(result).hasStatusOk();
        assertThat(Html.fieldError(Html.of(result), "name"))
                .isEqualTo("A client with this name already exists in this workspace.");
        assertThat(testClients.count(workspace, "client where lower(name) = 'acme'"))
                .isOne();
    }

    @Test
    void createClientRedirectsToTheClientPageAndStoresTheFirstNoteAsANote() {
        MvcTestResult result = post(
                "/clients/new",
                "name",
                "Globex Corporation",
                "contactEmail",
                "ciso@globex.test",
                "industry",
                "ENERGY",
                "note",
                "Met at **RSA**, wants a red team");

        assertThat(result).hasStatus3xxRedirection();
        UUID id = TestClients.idFromRedirect(result);
        assertThat(result).hasRedirectedUrl("/clients/" + id);
        assertThat(result).flash().containsEntry("flash", "Client Globex Corporation created.");
        assertThat(mvc.get().uri("/clients/{id}", id).cookie(admin))
                .hasStatusOk()
                .bodyText()
                .contains("Globex Corporation")
                .contains("ciso@globex.test")
                .contains("Energy &amp; utilities");
        assertThat(testClients.count(workspace, "client_note where client_id = ?", id))
                .isOne();
        assertThat(mvc.get().uri("/clients/{id}/notes", id).cookie(admin))
                .bodyText()
                .contains("Met at <strong>RSA</strong>, wants a red team")
                .contains("Test Admin");
    }

    @Test
    void assignProjectMovesTheChosenUnassignedProjectsUnderTheNewClient() {
        UUID chosen = testClients.project(workspace, "Assignable web app", null, ProjectStatus.IN_PROGRESS);
        UUID left = testClients.project(workspace, "Assignable mobile app", null, ProjectStatus.PLANNED);
        assertThat(mvc.get().uri("/clients/new").cookie(admin))
                .bodyText()
                .contains("value=\"" + chosen + "\"")
                .contains("value=\"" + left + "\"")
                .contains("Assignable web app");

        MvcTestResult result = post(
                "/clients/new", "name", "Initech", "contactEmail", "sec@initech.test", "projectIds", chosen.toString());

        UUID id = TestClients.idFromRedirect(result);
        assertThat(mvc.get().uri("/clients/{id}/projects", id).cookie(admin))
                .bodyText()
                .contains("Assignable web app")
                .doesNotContain("Assignable mobile app");
        assertThat(testClients.value(workspace, UUID.class, "select client_id from project where id = ?", chosen))
                .isEqualTo(id);
        assertThat(testClients.count(workspace, "project where id = ? and client_id is null", left))
                .isOne();
        assertThat(testClients.value(workspace, Integer.class, "select active_projects from client where id = ?", id))
                .isOne();
    }

    // Edit -----------------------------------------------------------------------------------------------------------

    @Test
    void saveChangesUpdatesTheClientAndItsStatusShowsOnThePageAndInTheListFilter() {
        UUID id = testClients.create(workspace, "Hooli");
        assertThat(mvc.get().uri("/clients/{id}/edit", id).cookie(admin))
                .hasStatusOk()
                .bodyText()
                .contains("Save Changes")
                .contains("value=\"Hooli\"");

        MvcTestResult saved = post(
                "/clients/" + id + "/edit",
                "name",
                "Hooli XYZ",
                "contactEmail",
                "gavin@hooli.test",
                "website",
                "https://hooli.test",
                "status",
                "INACTIVE");

        assertThat(saved).hasRedirectedUrl("/clients/" + id);
        assertThat(saved).flash().containsEntry("flash", "Changes saved.");
        assertThat(mvc.get().uri("/clients/{id}", id).cookie(admin))
                .bodyText()
                .contains("Hooli XYZ")
                .contains("gavin@hooli.test")
                .contains("href=\"https://hooli.test\"")
                .containsPattern("<span class=\"badge off\">Inactive</span>");
        assertThat(list("q=Hooli&status=INACTIVE")).contains("Hooli XYZ");
        assertThat(list("q=Hooli&status=ACTIVE")).doesNotContain("Hooli XYZ");
    }

    @Test
    void editValidationErrorsKeepTheInputAndChangeNothing() {
        UUID id = testClients.create(workspace, "Umbrella");

        MvcTestResult result = post(
                "/clients/" + id + "/edit",
                "name",
                "Umbrella Corp",
                "contactEmail",
                "wrong@",
                "phone",
                "+44 (0)20 7946-0000");

        assertThat(result).hasStatusOk();
        String page = Html.of(result);
        assertThat(Html.fieldError(page, "contactEmail"))
                .isEqualTo("Enter a valid e-mail address, like name@example.com.");
        assertThat(page)
                .contains("value=\"Umbrella Corp\"")
                .contains("value=\"wrong@\"")
                .contains("value=\"+44 (0)20 7946-0000\"");
        assertThat(testClients.value(workspace, String.class, "select name from client where id = ?", id))
                .isEqualTo("Umbrella");
    }

    @Test
    void renamingToAnExistingNameIsRefused() {
        testClients.create(workspace, "Stark Industries");
        UUID other = testClients.create(workspace, "Wayne Enterprises");

        MvcTestResult result =
                post("/clients/" + other + "/edit", "name", "stark industries", "contactEmail", "bruce@wayne.test");

        assertThat(result).hasStatusOk();
        assertThat(Html.fieldError(Html.of(result), "name"))
                .isEqualTo("A client with this name already exists in this workspace.");
        assertThat(testClients.value(workspace, String.class, "select name from client where id = ?", other))
                .isEqualTo("Wayne Enterprises");
    }

    // Last activity --------------------------------------------------------------------------------------------------

    @Test
    void lastActivityMovesWhenTheClientAContactANoteOrAProjectChanges() {
        UUID id = testClients.create(workspace, "Tyrell");
        Instant created = testClients.lastActivity(workspace, id);

        post("/clients/" + id + "/edit", "name", "Tyrell Corp", "contactEmail", "eldon@tyrell.test");
        Instant edited = testClients.lastActivity(workspace, id);
        assertThat(edited).as("after editing the client").isAfter(created);

        post("/clients/" + id + "/contacts", "fullName", "Rachael");
        Instant contactAdded = testClients.lastActivity(workspace, id);
        assertThat(contactAdded).as("after adding a contact").isAfter(edited);

        post("/clients/" + id + "/notes", "body", "Replicant audit planned");
        Instant noteAdded = testClients.lastActivity(workspace, id);
        assertThat(noteAdded).as("after adding a note").isAfter(contactAdded);

        MvcTestResult project =
                post("/projects/new", "name", "Nexus 6 review", "clientId", id.toString(), "status", "PLANNED");
        assertThat(project).hasStatus3xxRedirection();
        Instant projectCreated = testClients.lastActivity(workspace, id);
        assertThat(projectCreated).as("after creating a project").isAfter(noteAdded);

        String projectUrl = project.getResponse().getRedirectedUrl();
        assertThat(post(projectUrl, "name", "Nexus 6 review", "clientId", id.toString(), "status", "IN_PROGRESS"))
                .hasStatus3xxRedirection();
        Instant projectChanged = testClients.lastActivity(workspace, id);
        assertThat(projectChanged).as("after changing the project").isAfter(projectCreated);

        assertThat(mvc.get().uri("/clients/{id}", id).cookie(admin))
                .bodyText()
                .contains(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
                                .withZone(java.time.ZoneOffset.UTC)
                                .format(projectChanged)
                        + " UTC");
    }

    // Archive and restore --------------------------------------------------------------------------------------------

    @Test
    void archiveAsksForConfirmationThenHidesTheClientFromTheMainList() {
        UUID id = testClients.create(workspace, "Cyberdyne");

        assertThat(mvc.get().uri("/clients/{id}/archive", id).cookie(admin))
                .hasStatusOk()
                .bodyText()
                .contains("Archive Cyberdyne?")
                .contains("Its projects become read-only")
                .contains("Archive Client");
        assertThat(testClients.count(workspace, "client where id = ? and archived_at is null", id))
                .as("the confirmation page archives nothing")
                .isOne();

        MvcTestResult archived = post("/clients/" + id + "/archive");

        assertThat(archived).hasRedirectedUrl("/clients/" + id);
        assertThat(archived)
                .flash()
                .containsEntry("flash", "Client archived. Its projects are read-only until you restore it.");
        assertThat(list("q=Cyberdyne")).doesNotContain("Cyberdyne");
        assertThat(list("archived=true")).contains("Cyberdyne");
        assertThat(mvc.get().uri("/clients/{id}", id).cookie(admin)).bodyText().contains("This client is archived");
    }

    @Test
    void anArchivedClientsProjectsContactsAndNotesAreReadOnlyUntilRestored() {
        UUID id = testClients.create(workspace, "Oscorp");
        UUID other = testClients.create(workspace, "Oscorp Rival");
        UUID project = testClients.project(workspace, "Oscorp glider review", id, ProjectStatus.IN_PROGRESS);
        post("/clients/" + id + "/contacts", "fullName", "Norman");
        post("/clients/" + id + "/notes", "body", "Original note");
        UUID contact =
                testClients.value(workspace, UUID.class, "select id from client_contact where client_id = ?", id);
        UUID note = testClients.value(workspace, UUID.class, "select id from client_note where client_id = ?", id);
        testClients.archive(workspace, id);

        MvcTestResult update =
                post("/projects/" + project, "name", "Renamed", "clientId", id.toString(), "status", "COMPLETED");
        assertThat(update).hasStatus(409).bodyText().contains("The client Oscorp " + READ_ONLY);
        MvcTestResult move = post("/projects/" + project + "/client", "clientId", other.toString());
        assertThat(move).hasStatus(409).bodyText().contains("The client Oscorp " + READ_ONLY);
        MvcTestResult create =
                post("/projects/new", "name", "Oscorp new work", "clientId", id.toString(), "status", "PLANNED");
        assertThat(create).hasStatus(409).bodyText().contains(READ_ONLY);

        assertThat(testClients.value(
                        workspace,
                        String.class,
                        "select name || '/' || status || '/' || client_id from project" + " where id = ?",
                        project))
                .isEqualTo("Oscorp glider review/IN_PROGRESS/" + id);
        assertThat(testClients.count(workspace, "project where name = 'Oscorp new work'"))
                .isZero();

        String archivedMessage = "The client Oscorp is archived. Restore it to make changes.";
        assertThat(post("/clients/" + id + "/contacts", "fullName", "Harry"))
                .hasStatus(409)
                .bodyText()
                .contains(archivedMessage);
        assertThat(post("/clients/" + id + "/contacts/" + contact, "fullName", "Norman O."))
                .hasStatus(409);
        assertThat(post("/clients/" + id + "/contacts/" + contact + "/remove")).hasStatus(409);
        assertThat(post("/clients/" + id + "/notes", "body", "Another")).hasStatus(409);
        assertThat(post("/clients/" + id + "/notes/" + note, "body", "Changed")).hasStatus(409);
        assertThat(post("/clients/" + id + "/notes/" + note + "/delete")).hasStatus(409);
        assertThat(post("/clients/" + id + "/edit", "name", "Oscorp 2", "contactEmail", "a@oscorp.test"))
                .hasStatus(409);
        assertThat(testClients.count(workspace, "client_contact where client_id = ? and full_name = 'Norman'", id))
                .isOne();
        assertThat(testClients.count(workspace, "client_contact where client_id = ?", id))
                .isOne();
        assertThat(testClients.count(workspace, "client_note where client_id = ? and body = 'Original note'", id))
                .isOne();
        assertThat(testClients.count(workspace, "client_note where client_id = ?", id))
                .isOne();

        MvcTestResult restored = post("/clients/" + id + "/restore");

        assertThat(restored).hasRedirectedUrl("/clients/" + id);
        assertThat(restored).flash().containsEntry("flash", "Client restored.");
        assertThat(list("q=Oscorp")).contains(">Oscorp</a>");
        assertThat(post("/projects/" + project, "name", "Renamed", "clientId", id.toString(), "status", "COMPLETED"))
                .hasRedirectedUrl("/projects/" + project);
        assertThat(post("/clients/" + id + "/contacts", "fullName", "Harry")).hasStatus3xxRedirection();
        assertThat(post("/clients/" + id + "/notes/" + note, "body", "Changed")).hasStatus3xxRedirection();
        assertThat(testClients.count(workspace, "client_contact where client_id = ?", id))
                .isEqualTo(2);
    }

    // Delete ---------------------------------------------------------------------------------------------------------

    @Test
    void deleteIsBlockedWhileAProjectIsNotCompleted() {
        UUID id = testClients.create(workspace, "Blocked Holdings");
        testClients.project(workspace, "Blocking pentest", id, ProjectStatus.REMEDIATION);
        testClients.project(workspace, "Finished pentest", id, ProjectStatus.COMPLETED);

        String page =
                Html.of(mvc.get().uri("/clients/{id}/delete", id).cookie(admin).exchange());

        assertThat(page)
                .contains("This client cannot be deleted yet")
                .contains("Blocking pentest")
                .contains("Remediation")
                .doesNotContain("Finished pentest")
                .doesNotContain("name=\"confirmName\"");
        assertThat(post("/clients/" + id + "/delete", "confirmName", "Blocked Holdings"))
                .hasStatus(409)
                .bodyText()
                .contains("The client still has 1 project(s) that are not completed.");
        assertThat(testClients.count(workspace, "client where id = ?", id)).isOne();
        assertThat(testClients.count(workspace, "project where client_id = ?", id))
                .isEqualTo(2);
    }

    @Test
    void aWrongTypedNameDeletesNothing() {
        UUID id = testClients.create(workspace, "Soylent");
        testClients.project(workspace, "Soylent 2023", id, ProjectStatus.COMPLETED);
        assertThat(mvc.get().uri("/clients/{id}/delete", id).cookie(admin))
                .bodyText()
                .contains("name=\"confirmName\"")
                .contains("Permanently Delete");

        for (String typed : new String[] {"Soylen", "soylent", "Soylent ", ""}) {
            MvcTestResult result = post("/clients/" + id + "/delete", "confirmName", typed);
            assertThat(result).as("typed '%s'", typed).hasStatusOk();
            assertThat(Html.fieldError(Html.of(result), "confirmName"))
                    .isEqualTo("Type the client&#39;s name exactly as shown to confirm.");
        }
        assertThat(testClients.count(workspace, "client where id = ?", id)).isOne();
        assertThat(testClients.count(workspace, "project where client_id = ?", id))
                .isOne();
    }

    @Test
    void theExactNameDeletesTheClientWithEverythingUnderIt() {
        UUID id = testClients.create(workspace, "Vandelay Industries");
        UUID project = testClients.project(workspace, "Vandelay import audit", id, ProjectStatus.COMPLETED);
        post("/clients/" + id + "/contacts", "fullName", "Art Vandelay", "primary", "true");
        post("/clients/" + id + "/notes", "body", "Latex importer");
        assertThat(mvc.post()
                        .uri("/clients/{id}/logo", id)
                        .multipart()
                        .file(new MockMultipartFile(
                                "file", "logo.png", "image/png", TestClients.png(64, 64, Color.RED)))
                        .cookie(admin)
                        .with(csrf()))
                .hasStatus3xxRedirection();
        assertThat(testClients.count(workspace, "client_logo where client_id = ?", id))
                .isOne();

        MvcTestResult deleted = post("/clients/" + id + "/delete", "confirmName", "Vandelay Industries");

        assertThat(deleted).hasRedirectedUrl("/clients");
        assertThat(deleted)
                .flash()
                .containsEntry("flash", "Client Vandelay Industries and everything under it were deleted.");
        assertThat(testClients.count(workspace, "client where id = ?", id)).isZero();
        assertThat(testClients.count(workspace, "client_contact where client_id = ?", id))
                .isZero();
        assertThat(testClients.count(workspace, "client_note where client_id = ?", id))
                .isZero();
        assertThat(testClients.count(workspace, "client_logo where client_id = ?", id))
                .isZero();
        assertThat(testClients.count(workspace, "project where id = ? or client_id = ?", project, id))
                .isZero();
        assertThat(testClients.count(workspace, "project_member where project_id = ?", project))
                .isZero();
        assertThat(mvc.get().uri("/clients/{id}", id).cookie(admin)).hasStatus(404);
        assertThat(auditTrail.entriesBy(workspace, workspace.admin().email()))
                .filteredOn(entry -> entry.action() == AuditAction.CLIENT_DELETED)
                .extracting(AuditEntryView::target)
                .containsExactly("Vandelay Industries");
    }

    @Test
    void onlyAdminsMayDelete() {
        UUID id = testClients.create(workspace, "Analyst Proof");
        TestUser analyst = testWorkspaces.addUser(workspace, PlatformRole.ANALYST);
        Cookie session = SignIn.as(mvc, analyst);

        assertThat(mvc.get().uri("/clients/{id}/delete", id).cookie(session)).hasStatus(403);
        assertThat(mvc.post()
                        .uri("/clients/{id}/delete", id)
                        .cookie(session)
                        .param("confirmName", "Analyst Proof")
                        .with(csrf()))
                .hasStatus(403);
        assertThat(mvc.get().uri("/clients/{id}", id).cookie(session))
                .hasStatusOk()
                .bodyText()
                .doesNotContain("/clients/" + id + "/delete");
        assertThat(testClients.count(workspace, "client where id = ?", id)).isOne();
        assertThat(auditTrail.actionsBy(workspace, analyst.email())).contains(AuditAction.PERMISSION_DENIED);
    }

    private MvcTestResult post(String url, String... params) {
        var request = mvc.post().uri(url).cookie(admin).with(csrf());
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

    private String list(String query) {
        return Html.of(mvc.get()
                .uri(java.net.URI.create("/clients?" + query))
                .header("HX-Request", "true")
                .cookie(admin)
                .exchange());
    }
}
