package io.bridgehead.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import io.bridgehead.access.PlatformRole;
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
import io.bridgehead.support.TestWorkspaces;
import io.bridgehead.support.TestWorkspaces.TestUser;
import io.bridgehead.support.TestWorkspaces.TestWorkspace;
import jakarta.servlet.http.Cookie;
import java.io.IOException;
import java.util.List;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Admins' report templates end to end: the pages (Admins only, input kept on error, CSS refused naming the line),
 * the preview on sample data, generating with a template (recorded on the version and visible in the PDF), and
 * another workspace's template id being not found everywhere.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportTemplatePagesTest {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    TestWorkspaces testWorkspaces;

    @Autowired
    TestClients testClients;

    @Autowired
    Findings findings;

    @Autowired
    RenderQueue renderQueue;

    @Autowired
    AuditTrail auditTrail;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TransactionTemplate transactions;

    TestWorkspace workspace;
    TestUser admin;
    TestUser analyst;
    Cookie adminSession;
    Cookie analystSession;
    UUID project;

    @BeforeAll
    void setUp() {
        workspace = testWorkspaces.create("Report templates");
        admin = workspace.admin();
        analyst = testWorkspaces.addUser(workspace, PlatformRole.ANALYST);
        adminSession = SignIn.as(mvc, admin);
        analystSession = SignIn.as(mvc, analyst);
        UUID client = testClients.create(workspace, "Template Client");
        project = testClients.project(workspace, analyst, "Template project", client, ProjectStatus.IN_PROGRESS);
        ActingAs.run(
                workspace,
                analyst,
                () -> findings.create(
                        project,
                        new FindingForm(
                                "Weak session cookie",
                                Severity.LOW,
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
    void adminCreatesEditsPreviewsAndDeletesATemplate() throws IOException {
        assertThat(page(adminSession, "/admin/workspace")).contains("/admin/report-templates");
        assertThat(page(adminSession, "/admin/report-templates")).contains("Default (built in)", "New template");

        UUID id = create(adminSession, "Board style", "Prepared for the board");
        String list = page(adminSession, "/admin/report-templates");
        assertThat(list.indexOf("Default (built in)")).isLessThan(list.indexOf("Board style"));
        assertThat(page(adminSession, "/admin/report-templates/" + id)).contains("Prepared for the board", "Preview");

        MvcTestResult preview = mvc.get()
                .uri("/admin/report-templates/" + id + "/preview.pdf")
                .cookie(adminSession)
                .exchange();
        assertThat(preview).hasStatusOk().hasContentType("application/pdf");
        assertThat(preview.getResponse().getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(preview.getResponse().getHeader("Content-Disposition")).startsWith("inline");
        assertThat(text(preview.getResponse().getContentAsByteArray()))
                .contains("Prepared for the board", "Example Client GmbH", "Verbose server banner");
        assertThat(mvc.get().uri("/admin/report-templates/default/preview.pdf").cookie(adminSession))
                .hasStatusOk();

        assertThat(save(adminSession, "/admin/report-templates/" + id, "Board style 2", "#123456", ""))
                .hasRedirectedUrl("/admin/report-templates/" + id);
        assertThat(post(adminSession, "/admin/report-templates/" + id + "/delete"))
                .hasRedirectedUrl("/admin/report-templates");
        assertThat(page(adminSession, "/admin/report-templates")).doesNotContain("Board style 2");
        assertThat(mvc.get().uri("/admin/report-templates/" + id).cookie(adminSession))
                .hasStatus(404);
        assertThat(auditTrail.actionsBy(workspace, admin.email()))
                .contains(
                        AuditAction.REPORT_TEMPLATE_CREATED,
                        AuditAction.REPORT_TEMPLATE_UPDATED,
                        AuditAction.REPORT_TEMPLATE_DELETED);
    }

    @Test
    void unsavedSettingsArePreviewedWithoutSavingAndCheckedLikeASave() throws IOException {
        MvcTestResult preview = post(
                adminSession,
                "/admin/report-templates/preview.pdf",
                "name",
                "Unsaved look",
                "primaryColour",
                "#224466",
                "accentColour",
                "#eef1f6",
                "coverSubtitle",
                "Subtitle only in the preview",
                "customCss",
                "h1 { color: #224466; }");
        assertThat(preview).hasStatusOk().hasContentType("application/pdf");
        assertThat(text(preview.getResponse().getContentAsByteArray())).contains("Subtitle only in the preview");
        assertThat(Html.of(mvc.get().uri("/admin/report-templates").cookie(adminSession)))
                .doesNotContain("Unsaved look");

        MvcTestResult refused = save(
                adminSession, "/admin/report-templates/preview.pdf", "Bad", "#123456", "@import 'file:///etc/passwd';");
        assertThat(refused).hasStatus(422);
        assertThat(Html.fieldError(Html.of(refused), "customCss")).contains("Line 1");
        assertThat(save(analystSession, "/admin/report-templates/preview.pdf", "X", "#123456", ""))
                .hasStatus(403);
    }

    @Test
    void invalidInputIsKeptWithFieldMessages() {
        create(adminSession, "Taken name", "");
        MvcTestResult result = save(
                adminSession,
                "/admin/report-templates",
                "taken NAME",
                "red",
                "p { color: red; }\n@import 'file:///etc/passwd';");
        assertThat(result).hasStatus(422);
        String html = Html.of(result);
        assertThat(Html.fieldError(html, "primaryColour")).contains("six hexadecimal digits");
        assertThat(html).contains("taken NAME", "file:///etc/passwd");

        String css =
                Html.of(save(adminSession, "/admin/report-templates", "Fresh", "#123456", "p {\n position: fixed;\n}"));
        assertThat(Html.fieldError(css, "customCss")).contains("Line 2", "position");
        String name = Html.of(save(adminSession, "/admin/report-templates", "taken NAME", "#123456", ""));
        assertThat(Html.fieldError(name, "name")).contains("already called");
        String reserved = Html.of(save(adminSession, "/admin/report-templates", "default", "#123456", ""));
        assertThat(Html.fieldError(reserved, "name")).contains("built-in");
    }

    @Test
    void nonAdminsGet403() {
        UUID id = create(adminSession, "Admins only", "");
        assertThat(mvc.get().uri("/admin/report-templates").cookie(analystSession))
                .hasStatus(403);
        assertThat(mvc.get().uri("/admin/report-templates/new").cookie(analystSession))
                .hasStatus(403);
        assertThat(mvc.get().uri("/admin/report-templates/" + id).cookie(analystSession))
                .hasStatus(403);
        assertThat(mvc.get()
                        .uri("/admin/report-templates/" + id + "/preview.pdf")
                        .cookie(analystSession))
                .hasStatus(403);
        assertThat(save(analystSession, "/admin/report-templates", "", "bad", ""))
                .hasStatus(403);
        assertThat(save(analystSession, "/admin/report-templates/" + id, "X", "#123456", ""))
                .hasStatus(403);
        assertThat(post(analystSession, "/admin/report-templates/" + id + "/delete"))
                .hasStatus(403);
    }

    @Test
    void anotherWorkspacesTemplateIsNotFound() {
        TestWorkspace other = testWorkspaces.create("Other templates");
        Cookie otherAdmin = SignIn.as(mvc, other.admin());
        UUID theirs = create(otherAdmin, "Theirs", "");

        assertThat(mvc.get().uri("/admin/report-templates/" + theirs).cookie(adminSession))
                .hasStatus(404);
        assertThat(mvc.get()
                        .uri("/admin/report-templates/" + theirs + "/preview.pdf")
                        .cookie(adminSession))
                .hasStatus(404);
        assertThat(save(adminSession, "/admin/report-templates/" + theirs, "Mine now", "#123456", ""))
                .hasStatus(404);
        assertThat(post(adminSession, "/admin/report-templates/" + theirs + "/delete"))
                .hasStatus(404);
        assertThat(generate(analystSession, theirs.toString(), "Foreign template"))
                .hasStatus(404);
        assertThat(page(analystSession, "/projects/" + project + "/reports")).doesNotContain("Theirs");
    }

    @Test
    void aVersionRecordsAndUsesItsTemplate() throws IOException {
        UUID id = create(adminSession, "Client facing", "A subtitle from the template");
        assertThat(page(analystSession, "/projects/" + project + "/reports"))
                .contains("Default (built in)", "Client facing", "value=\"" + id + "\"");

        assertThat(generate(analystSession, id.toString(), "Templated report"))
                .hasRedirectedUrl("/projects/" + project + "/reports");
        assertThat(generate(analystSession, "default", "Plain report"))
                .hasRedirectedUrl("/projects/" + project + "/reports");
        assertThat(generate(analystSession, "../etc/passwd", "Bad template")).hasStatus(200);
        renderQueue.drain();

        assertThat(page(analystSession, "/projects/" + project + "/reports"))
                .contains("Template: Client facing", "Template: Default");
        assertThat(templateOf("Templated report")).isEqualTo(id);
        assertThat(templateOf("Plain report")).isNull();
        assertThat(text(pdfOf("Templated report"))).contains("A subtitle from the template");
        assertThat(text(pdfOf("Plain report"))).doesNotContain("A subtitle from the template");
    }

    @Test
    void aTemplatesOwnCoverAndHtmlSectionsShapeTheVersion() throws IOException {
        MvcTestResult refused = post(
                adminSession,
                "/admin/report-templates",
                "name",
                "Fancy",
                "primaryColour",
                "#1f4e79",
                "accentColour",
                "#eef1f6",
                "coverLayout",
                "FANCY",
                "coverNote",
                "Kept <b>as typed</b>");
        assertThat(refused).hasStatus(422);
        assertThat(Html.fieldError(Html.of(refused), "coverLayout")).contains("Choose one of the cover layouts");
        assertThat(Html.of(refused)).contains("Kept &lt;b&gt;as typed&lt;/b&gt;");

        MvcTestResult saved = post(
                adminSession,
                "/admin/report-templates",
                "name",
                "Banner look",
                "primaryColour",
                "#1f4e79",
                "accentColour",
                "#eef1f6",
                "coverLayout",
                "BANNER",
                "coverNote",
                "<div class=\"notice\">Only for {{client}}<script>alert(1)</script></div>",
                "closing",
                "<section class=\"signoff\"><strong>Signed off</strong> for {{project}}</section>",
                "customCss",
                ".notice { font-weight: bold; }");
        String location = saved.getResponse().getRedirectedUrl();
        assertThat(location).as(Html.of(saved)).startsWith("/admin/report-templates/");
        UUID id = UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
        assertThat(page(adminSession, location))
                .containsPattern("value=\"BANNER\"[^>]*checked|checked[^>]*value=\"BANNER\"")
                .contains("{{client}}");

        assertThat(generate(analystSession, id.toString(), "Banner report"))
                .hasRedirectedUrl("/projects/" + project + "/reports");
        renderQueue.drain();
        String text = text(pdfOf("Banner report"));
        assertThat(text)
                .contains("Only for Template Client", "Signed off for Template project")
                .doesNotContain("alert(1)", "{{");
    }

    private UUID templateOf(String title) {
        return ActingAs.call(
                workspace,
                admin,
                () -> transactions.execute(status -> jdbc.queryForObject(
                        "select template_id from report_version where project_id = ? and title = ?",
                        UUID.class,
                        project,
                        title)));
    }

    private byte[] pdfOf(String title) {
        return ActingAs.call(
                workspace,
                admin,
                () -> transactions.execute(status -> jdbc.queryForObject(
                        "select pdf from report_version where project_id = ? and title = ?",
                        byte[].class,
                        project,
                        title)));
    }

    private UUID create(Cookie session, String name, String subtitle) {
        MvcTestResult result = post(
                session,
                "/admin/report-templates",
                "name",
                name,
                "primaryColour",
                "#1f4e79",
                "accentColour",
                "#eef1f6",
                "coverSubtitle",
                subtitle,
                "introduction",
                "Intro",
                "closing",
                "Closing",
                "customCss",
                "h1 { font-size: 20pt; }");
        String location = result.getResponse().getRedirectedUrl();
        assertThat(location).as(Html.of(result)).startsWith("/admin/report-templates/");
        return UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
    }

    private MvcTestResult save(Cookie session, String url, String name, String primary, String css) {
        return post(
                session,
                url,
                "name",
                name,
                "primaryColour",
                primary,
                "accentColour",
                "#eef1f6",
                "coverSubtitle",
                "",
                "introduction",
                "",
                "closing",
                "",
                "customCss",
                css);
    }

    private MvcTestResult generate(Cookie session, String template, String title) {
        return post(
                session,
                "/projects/" + project + "/reports",
                "template",
                template,
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

    private static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
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
