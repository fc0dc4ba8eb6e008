package io.bridgehead.clients;

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
import java.time.Instant;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClientContactsAndNotesTest {

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
    TestUser analyst;
    Cookie analystSession;
    TestUser otherAnalyst;
    Cookie otherAnalystSession;

    @BeforeAll
    void setUp() {
        workspace = testWorkspaces.create("Contacts and notes");
        admin = SignIn.as(mvc, workspace.admin());
        analyst = testWorkspaces.addUser(workspace, PlatformRole.ANALYST);
        analystSession = SignIn.as(mvc, analyst);
        otherAnalyst = testWorkspaces.addUser(workspace, PlatformRole.ANALYST);
        otherAnalystSession = SignIn.as(mvc, otherAnalyst);
    }

    // Contacts -------------------------------------------------------------------------------------------------------

    @Test
    void contactsAreAddedEditedAndRemovedWithTheirDesignationsShown() {
        UUID client = testClients.create(workspace, "Contact Co");

        MvcTestResult added = post(
                analystSession,
                "/clients/" + client + "/contacts",
                "fullName",
                "Dana Scully",
                "email",
                "dana@contact.test",
                "phone",
                "+1 202 555 0100",
                "title",
                "CISO",
                "department",
                "Security",
                "technical",
                "true",
                "billing",
                "true");

        assertThat(added).hasRedirectedUrl("/clients/" + client + "/contacts");
        assertThat(added).flash().containsEntry("flash", "Contact Dana Scully added.");
        String page = contactsPage(client);
        assertThat(page)
                .contains("Dana Scully")
                .contains("dana@contact.test")
                .contains("+1 202 555 0100")
                .contains("CISO")
                .contains("<span class=\"badge ok\">Technical contact</span>")
                .contains("<span class=\"badge ok\">Billing contact</span>")
                .doesNotContain(">Primary contact</span>")
                .doesNotContain(">Executive sponsor</span>");
        UUID contact = contactId(client, "Dana Scully");

        assertThat(mvc.get()
                        .uri("/clients/{id}/contacts/{c}/edit", client, contact)
                        .cookie(analystSession))
                .hasStatusOk()
                .bodyText()
                .contains("value=\"CISO\"");
        MvcTestResult edited = post(
                analystSession,
                "/clients/" + client + "/contacts/" + contact,
                "fullName",
                "Dana Scully",
                "email",
                "dana@contact.test",
                "title",
                "Chief Security Officer",
                "executive",
                "true");
        assertThat(edited).hasRedirectedUrl("/clients/" + client + "/contacts");
        assertThat(contactsPage(client))
                .contains("Chief Security Officer")
                .contains("<span class=\"badge ok\">Executive sponsor</span>")
                .doesNotContain(">Technical contact</span>")
                .doesNotContain(">Billing contact</span>");

        MvcTestResult removed = post(analystSession, "/clients/" + client + "/contacts/" + contact + "/remove");
        assertThat(removed).hasRedirectedUrl("/clients/" + client + "/contacts");
        assertThat(contactsPage(client)).contains("No contacts yet.").doesNotContain("Dana Scully");

        assertThat(auditTrail.entriesBy(workspace, analyst.email()))
                .filteredOn(e -> e.action().name().startsWith("CLIENT_CONTACT_"))
                .extracting(AuditEntryView::action, AuditEntryView::target, AuditEntryView::details)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                AuditAction.CLIENT_CONTACT_REMOVED, "Contact Co", "Dana Scully"),
                        org.assertj.core.groups.Tuple.tuple(
                                AuditAction.CLIENT_CONTACT_UPDATED, "Contact Co", "Dana Scully"),
                        org.assertj.core.groups.Tuple.tuple(
                                AuditAction.CLIENT_CONTACT_ADDED, "Contact Co", "Dana Scully"));
    }

    @Test
    void givingPrimaryToAnotherContactMovesIt() {
        UUID client = testClients.create(workspace, "Primary Co");
        post(admin, "/clients/" + client + "/contacts", "fullName", "Fox Mulder", "primary", "true");
        post(admin, "/clients/" + client + "/contacts", "fullName", "Walter Skinner", "primary", "true");

        assertThat(primaries(client)).containsExactly("Walter Skinner");
        assertThat(contactsPage(client))
                .containsPattern("Walter Skinner</span></h2>\\s*<p><span class=\"badge ok\">Primary contact</span>");

        UUID mulder = contactId(client, "Fox Mulder");
        assertThat(post(
                        admin,
                        "/clients/" + client + "/contacts/" + mulder,
                        "fullName",
                        "Fox Mulder",
                        "primary",
                        "true"))
                .hasStatus3xxRedirection();

        assertThat(primaries(client)).containsExactly("Fox Mulder");
        assertThat(contactsPage(client).split("Primary contact</span>", -1)).hasSize(2);
    }

    @Test
    void contactFormExplainsMistakesAndKeepsTheInput() {
        UUID client = testClients.create(workspace, "Validation Co");

        MvcTestResult result = post(
                admin,
                "/clients/" + client + "/contacts",
                "fullName",
                "",
                "email",
                "nobody@",
                "phone",
                "ask reception",
                "title",
                "Head of IT");

        assertThat(result).hasStatusOk();
        String page = Html.of(result);
        assertThat(Html.fieldError(page, "fullName")).isEqualTo("Enter the contact&#39;s name.");
        assertThat(Html.fieldError(page, "email")).isEqualTo("Enter a valid e-mail address, like name@example.com.");
        assertThat(Html.fieldError(page, "phone")).isEqualTo("Use digits, spaces and + ( ) - . / only.");
        assertThat(page).contains("value=\"nobody@\"").contains("value=\"Head of IT\"");
        assertThat(testClients.count(workspace, "client_contact where client_id = ?", client))
                .isZero();
    }

    // Notes ----------------------------------------------------------------------------------------------------------

    @Test
    void notesAreRenderedAsSanitizedMarkdown() {
        UUID client = testClients.create(workspace, "Markdown Co");

        post(
                analystSession,
                "/clients/" + client + "/notes",
                "body",
                "<script>alert(1)</script>\n\n[x](javascript:alert(1)) and **bold** and [site](https://example.test)");

        String page = notesPage(client, analystSession);
        assertThat(page)
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;")
                .doesNotContain("<script>alert(1)")
                .doesNotContainIgnoringCase("href=\"javascript:")
                .contains("<strong>bold</strong>")
                .contains("href=\"https://example.test\"");
    }

    @Test
    void aNoteShowsItsAuthorAndTime() {
        UUID client = testClients.create(workspace, "Author Co");
        Instant before = Instant.now().minusSeconds(60);

        post(analystSession, "/clients/" + client + "/notes", "body", "Kick-off call went well");

        String page = notesPage(client, admin);
        Matcher meta = Pattern.compile("<strong>Test Analyst</strong>\\s*<time datetime=\"([^\"]+)\">"
                        + "\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2} UTC</time>")
                .matcher(page);
        assertThat(meta.find()).as("author and time of the note").isTrue();
        assertThat(Instant.parse(meta.group(1))).isBetween(before, Instant.now());
        assertThat(page).contains("Kick-off call went well");
    }

    @Test
    void emptyNoteIsRefused() {
        UUID client = testClients.create(workspace, "Empty Note Co");

        MvcTestResult result = post(admin, "/clients/" + client + "/notes", "body", "   ");

        assertThat(result).hasStatusOk();
        assertThat(Html.fieldError(Html.of(result), "body")).isEqualTo("Write the note first.");
        assertThat(testClients.count(workspace, "client_note where client_id = ?", client))
                .isZero();
    }

    @Test
    void theAuthorEditsTheirNote_markedEdited_andDeletesIt() {
        UUID client = testClients.create(workspace, "Edit Note Co");
        post(analystSession, "/clients/" + client + "/notes", "body", "First draft");
        UUID note = noteId(client);
        assertThat(notesPage(client, analystSession)).doesNotContain(">edited</span>");

        assertThat(mvc.get().uri("/clients/{id}/notes/{n}/edit", client, note).cookie(analystSession))
                .hasStatusOk()
                .bodyText()
                .contains("First draft");
        MvcTestResult edited = post(analystSession, "/clients/" + client + "/notes/" + note, "body", "Second draft");

        assertThat(edited).hasRedirectedUrl("/clients/" + client + "/notes");
        assertThat(notesPage(client, analystSession))
                .contains("Second draft")
                .doesNotContain("First draft")
                .containsPattern("class=\"badge\" title=\"Edited [^\"]+\">edited</span>");

        MvcTestResult deleted = post(analystSession, "/clients/" + client + "/notes/" + note + "/delete");

        assertThat(deleted).hasRedirectedUrl("/clients/" + client + "/notes");
        assertThat(notesPage(client, analystSession)).contains("No notes yet.").doesNotContain("Second draft");
        assertThat(auditTrail.entriesBy(workspace, analyst.email()))
                .filteredOn(e -> "Edit Note Co".equals(e.target()))
                .extracting(AuditEntryView::action)
                .containsExactly(
                        AuditAction.CLIENT_NOTE_DELETED, AuditAction.CLIENT_NOTE_EDITED, AuditAction.CLIENT_NOTE_ADDED);
    }

    @Test
    void anotherAnalystCannotChangeSomeoneElsesNote_butAnAdminCan() {
        UUID client = testClients.create(workspace, "Guarded Note Co");
        post(analystSession, "/clients/" + client + "/notes", "body", "Analyst's own words");
        UUID note = noteId(client);

        assertThat(notesPage(client, otherAnalystSession))
                .contains("Analyst&#39;s own words")
                .doesNotContain("/notes/" + note + "/edit");
        assertThat(mvc.get().uri("/clients/{id}/notes/{n}/edit", client, note).cookie(otherAnalystSession))
                .hasStatus(403);
        assertThat(post(otherAnalystSession, "/clients/" + client + "/notes/" + note, "body", "Overwritten"))
                .hasStatus(403);
        assertThat(post(otherAnalystSession, "/clients/" + client + "/notes/" + note + "/delete"))
                .hasStatus(403);
        assertThat(testClients.value(workspace, String.class, "select body from client_note where id = ?", note))
                .isEqualTo("Analyst's own words");
        assertThat(auditTrail.entriesBy(workspace, otherAnalyst.email()))
                .filteredOn(e -> e.action() == AuditAction.PERMISSION_DENIED)
                .extracting(AuditEntryView::target)
                .filteredOn(target -> target.equals("Note " + note))
                .hasSize(3);

        assertThat(notesPage(client, admin)).contains("/notes/" + note + "/edit");
        assertThat(post(admin, "/clients/" + client + "/notes/" + note, "body", "Moderated by the Admin"))
                .hasStatus3xxRedirection();
        assertThat(notesPage(client, admin)).contains("Moderated by the Admin");
        assertThat(post(admin, "/clients/" + client + "/notes/" + note + "/delete"))
                .hasStatus3xxRedirection();
        assertThat(testClients.count(workspace, "client_note where id = ?", note))
                .isZero();
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

    private String contactsPage(UUID client) {
        return Html.of(
                mvc.get().uri("/clients/{id}/contacts", client).cookie(admin).exchange());
    }

    private String notesPage(UUID client, Cookie session) {
        return Html.of(
                mvc.get().uri("/clients/{id}/notes", client).cookie(session).exchange());
    }

    private UUID contactId(UUID client, String name) {
        return testClients.value(
                workspace,
                UUID.class,
                "select id from client_contact where client_id = ? and full_name = ?",
                client,
                name);
    }

    private java.util.List<String> primaries(UUID client) {
        return testClients
                .value(
                        workspace,
                        String.class,
                        "select coalesce(string_agg(full_name, ','), '') from client_contact where client_id = ? and is_primary",
                        client)
                .lines()
                .flatMap(s -> java.util.Arrays.stream(s.split(",")))
                .filter(s -> !s.isEmpty())
                .toList();
    }

    private UUID noteId(UUID client) {
        return testClients.value(workspace, UUID.class, "select id from client_note where client_id = ?", client);
    }
}
