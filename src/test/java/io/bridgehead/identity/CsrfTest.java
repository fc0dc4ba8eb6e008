package io.bridgehead.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import io.bridgehead.access.PlatformRole;
import io.bridgehead.access.PortalRole;
import io.bridgehead.clients.ClientContacts;
import io.bridgehead.clients.ClientNotes;
import io.bridgehead.clients.ContactForm;
import io.bridgehead.clients.NoteForm;
import io.bridgehead.findings.CommentVisibility;
import io.bridgehead.findings.FindingComments;
import io.bridgehead.findings.FindingEvidence;
import io.bridgehead.findings.FindingForm;
import io.bridgehead.findings.Findings;
import io.bridgehead.findings.Severity;
import io.bridgehead.notifications.Outbox;
import io.bridgehead.projects.AssetForm;
import io.bridgehead.projects.AssetKind;
import io.bridgehead.projects.ProjectStatus;
import io.bridgehead.projects.Projects;
import io.bridgehead.reports.GenerateReportCmd;
import io.bridgehead.reports.RenderQueue;
import io.bridgehead.reports.Reports;
import io.bridgehead.shared.tenant.ScopedTransactions;
import io.bridgehead.support.ActingAs;
import io.bridgehead.support.Html;
import io.bridgehead.support.IntegrationTest;
import io.bridgehead.support.Routes;
import io.bridgehead.support.SignIn;
import io.bridgehead.support.TestClients;
import io.bridgehead.support.TestPortal;
import io.bridgehead.support.TestPortal.PortalUser;
import io.bridgehead.support.TestWorkspaces;
import io.bridgehead.support.TestWorkspaces.TestUser;
import io.bridgehead.support.TestWorkspaces.TestWorkspace;
import jakarta.servlet.http.Cookie;
import java.awt.Color;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.bind.annotation.RequestMethod;

/**
 * Every state-changing route, found from the application's own handler mappings (so a route added later is covered
 * without editing this test), is sent by a principal who may use it — the workspace's Admin for staff routes, a client
 * Manager for portal routes, both with real ids — without a CSRF token, with a made-up token and with a valid token of
 * another (the attacker's) session. Each answer is the CSRF refusal, and nothing in the workspace changes: a digest of
 * every row of every workspace table, audit entries included, is the same before and after.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CsrfTest {

    private static final Set<RequestMethod> STATE_CHANGING =
            Set.of(RequestMethod.POST, RequestMethod.PUT, RequestMethod.PATCH, RequestMethod.DELETE);
    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @Autowired
    MockMvcTester mvc;

    @Autowired
    ApplicationContext context;

    @Autowired
    TestWorkspaces testWorkspaces;

    @Autowired
    TestClients testClients;

    @Autowired
    TestPortal testPortal;

    @Autowired
    ClientContacts contacts;

    @Autowired
    ClientNotes notes;

    @Autowired
    Projects projects;

    @Autowired
    Findings findings;

    @Autowired
    FindingComments comments;

    @Autowired
    FindingEvidence evidence;

    @Autowired
    io.bridgehead.findings.FindingLibrary library;

    @Autowired
    Reports reports;

    @Autowired
    RenderQueue renderQueue;

    @Autowired
    Outbox outbox;

    @Autowired
    ScopedTransactions transactions;

    @Autowired
    JdbcTemplate jdbc;

    TestWorkspace workspace;
    Cookie admin;
    PortalUser manager;
    /** Real ids of the fixture, by path variable name; {@code id} depends on the path (see {@link #idFor}). */
    final Map<String, String> ids = new HashMap<>();

    String digestSql;
    Map<String, Object> stateBefore;

    @BeforeAll
    void setUp() {
        workspace = testWorkspaces.create("CSRF");
        TestUser analyst = testWorkspaces.addUser(workspace, PlatformRole.ANALYST);
        UUID client = testClients.create(workspace, "Forgery Target Ltd");
        UUID project = testClients.project(workspace, "Forgery project", client, ProjectStatus.IN_PROGRESS);
        manager = testPortal.join(mvc, workspace, client, PortalRole.MANAGER);
        PortalUser colleague =
                testPortal.accept(mvc, workspace, testPortal.invite(workspace, client, PortalRole.VIEWER));
        UUID finding = ActingAs.call(workspace, workspace.admin(), () -> findings.create(project, finding()));
        ActingAs.run(workspace, workspace.admin(), () -> {
            contacts.add(client, new ContactForm("Ada Contact", "ada@target.test", "", "", "", true, true, true, true));
            notes.add(client, new NoteForm("A note"));
            projects.addAsset(project, new AssetForm(AssetKind.HOST, "target.test"));
            projects.putOnTeam(
                    project,
                    new io.bridgehead.projects.TeamMemberForm(analyst.id(), io.bridgehead.projects.ProjectRole.EDITOR));
        });
        UUID comment = ActingAs.call(
                workspace,
                workspace.admin(),
                () -> comments.add(project, finding, "A shared comment", CommentVisibility.SHARED));
        UUID image = ActingAs.call(
                workspace,
                workspace.admin(),
                () -> evidence.add(project, finding, "proof.png", TestClients.png(20, 20, Color.RED)));
        UUID version = ActingAs.call(
                workspace,
                workspace.admin(),
                () -> reports.generate(
                        project,
                        new GenerateReportCmd("default", "Forgery report", "1.0", "Confidential", "", "", "")));
        renderQueue.drain();
        ActingAs.run(workspace, workspace.admin(), () -> reports.release(project, version));
        ids.put("clientId", client.toString());
        ids.put("projectId", project.toString());
        ids.put("findingId", finding.toString());
        ids.put("commentId", comment.toString());
        ids.put("evidenceId", image.toString());
        ids.put("versionId", version.toString());
        ids.put("contactId", scalar("select id::text from client_contact where client_id = ?", client));
        ids.put("noteId", scalar("select id::text from client_note where client_id = ?", client));
        ids.put("assetId", scalar("select id::text from project_asset where project_id = ?", project));
        ids.put("staffUserId", analyst.id().toString());
        ids.put("portalUserId", colleague.id().toString());
        ids.put("staffNotificationId", notification(workspace.admin().id()));
        ids.put("portalNotificationId", notification(manager.id()));
        ids.put("invitationId", staffInvitation());
        ids.put("libraryId", libraryTemplate(project, finding));
        ids.put("token", "not-a-real-token");
        outbox.flush();
        admin = SignIn.as(mvc, workspace.admin());
        digestSql = digestQuery();
    }

    @Test
    void everyStateChangingRouteRefusesARequestWithoutAValidTokenAndChangesNothing() {
        List<String> problems = new ArrayList<>();
        Set<String> routes = new LinkedHashSet<>();
        int forged = 0;
        String attackersToken = tokenOfAnotherSession();
        // Nothing may change, so the state after one route is the state before the next: one digest per route.
        stateBefore = state();
        for (Routes.Route route : Routes.ofControllers(context)) {
            if (!STATE_CHANGING.contains(route.method())) {
                continue;
            }
            for (String uri : Routes.alternatives(route.pattern())) {
                routes.add(route.method() + " " + route.pattern());
                problems.addAll(forge(HttpMethod.valueOf(route.method().name()), fill(uri), attackersToken));
                forged += 3;
            }
        }
        System.out.printf(
                "CSRF: %d state-changing routes, %d forged requests (3 per route and id variant)%n",
                routes.size(), forged);
        assertThat(problems).isEmpty();
        assertThat(routes)
                .as("state-changing routes found")
                .hasSizeGreaterThan(80)
                .contains("POST /portal/{slug}/login", "POST /clients/{id}/delete", "POST /admin/users/invite");
    }

    @Test
    void signInWithoutAValidTokenDoesNotSignIn() {
        for (RequestPostProcessor token : List.of(noToken(), csrf().useInvalidToken())) {
            MvcTestResult staff = mvc.post()
                    .uri("/login")
                    .param("email", workspace.admin().email())
                    .param("password", workspace.admin().password())
                    .with(token)
                    .exchange();
            assertThat(staff).hasStatus(403);
            assertAnonymous("/", SignIn.COOKIE, staff);

            MvcTestResult portal = mvc.post()
                    .uri("/portal/" + workspace.slug() + "/login")
                    .param("email", manager.email())
                    .param("password", manager.password())
                    .with(token)
                    .exchange();
            assertThat(portal).hasStatus(403);
            assertAnonymous("/portal/" + workspace.slug() + "/", TestPortal.COOKIE, portal);
        }
        assertThat(throttleRows(workspace.admin().email()))
                .as("not even counted as an attempt")
                .isZero();
    }

    @Test
    void signOutNeedsAValidTokenAndAPost() {
        TestUser analyst = testWorkspaces.addUser(workspace, PlatformRole.ANALYST);
        Cookie staff = SignIn.as(mvc, analyst);
        Cookie portal = manager.session();
        String portalHome = "/portal/" + workspace.slug() + "/";

        for (RequestPostProcessor token : List.of(noToken(), csrf().useInvalidToken())) {
            assertThat(mvc.post().uri("/logout").cookie(staff).with(token)).hasStatus(403);
            assertThat(mvc.post()
                            .uri("/portal/" + workspace.slug() + "/logout")
                            .cookie(portal)
                            .with(token))
                    .hasStatus(403);
        }
        // A link or an image pointing at the sign-out address must not sign anyone out.
        mvc.get().uri("/logout").cookie(staff).exchange();
        mvc.get().uri("/portal/" + workspace.slug() + "/logout").cookie(portal).exchange();

        assertThat(mvc.get().uri("/").cookie(staff)).hasStatusOk();
        assertThat(mvc.get().uri(portalHome).cookie(portal)).hasStatusOk();

        assertThat(mvc.post().uri("/logout").cookie(staff).with(csrf())).hasRedirectedUrl("/login?signedout");
        assertThat(mvc.get().uri("/").cookie(staff)).hasRedirectedUrl("/login");
    }

    /** Whatever session the refused form left behind (the error page may open one) is not signed in. */
    private void assertAnonymous(String home, String cookieName, MvcTestResult refused) {
        jakarta.servlet.http.Cookie left = refused.getResponse().getCookie(cookieName);
        if (left != null) {
            assertThat(mvc.get().uri(home).cookie(new Cookie(cookieName, left.getValue())))
                    .hasStatus3xxRedirection()
                    .redirectedUrl()
                    .contains("/login");
        }
    }

    /** Sends the route three forged ways; returns what went wrong. */
    private List<String> forge(HttpMethod method, String uri, String attackersToken) {
        boolean portal = uri.startsWith("/portal/");
        Cookie session = portal ? manager.session() : admin;
        List<String> problems = new ArrayList<>();
        Map<String, RequestPostProcessor> forgeries = Map.of(
                "no token", noToken(),
                "made-up token", csrf().useInvalidToken(),
                "another session's token",
                        request -> {
                            request.addParameter("_csrf", attackersToken);
                            return request;
                        });
        for (Map.Entry<String, RequestPostProcessor> forgery : forgeries.entrySet()) {
            MvcTestResult result = mvc.method(method)
                    .uri(uri)
                    .param("name", "Forged")
                    .param("body", "Forged")
                    .param("email", "forged@attacker.test")
                    .param("role", "ADMIN")
                    .cookie(session)
                    .with(forgery.getValue())
                    .exchange();
            int status = result.getResponse().getStatus();
            if (status != 403 || !Boolean.TRUE.equals(result.getRequest().getAttribute("csrfFailure"))) {
                problems.add(method + " " + uri + " with " + forgery.getKey() + " → " + status);
            }
        }
        Map<String, Object> after = state();
        if (!after.equals(stateBefore)) {
            problems.add(method + " " + uri + " changed the workspace's data");
            stateBefore = after;
        }
        return problems;
    }

    /** The number of audit entries and a digest of every row of every workspace table. */
    private Map<String, Object> state() {
        return transactions.readAs(
                workspace.id(),
                () -> Map.of(
                        "audit entries",
                        jdbc.queryForObject(
                                "select count(*) from audit_entry where tenant_id = ?", Long.class, workspace.id()),
                        "digest",
                        jdbc.queryForObject(digestSql, String.class)));
    }

    /**
     * One query over every table with a {@code tenant_id} the application role may read, plus the workspace row: any
     * insert, update or delete in the workspace changes its result.
     */
    private String digestQuery() {
        List<String> tables = jdbc.queryForList(
                "select c.relname from pg_attribute a join pg_class c on c.oid = a.attrelid"
                        + " join pg_namespace n on n.oid = c.relnamespace"
                        + " where n.nspname = current_schema() and c.relkind in ('r', 'p') and a.attname = 'tenant_id'"
                        + " and not a.attisdropped and has_table_privilege(c.oid, 'SELECT') order by c.relname",
                String.class);
        assertThat(tables).contains("audit_entry", "client", "finding", "portal_user", "staff_user", "report_version");
        String tenant = "'" + workspace.id() + "'";
        String perTable = tables.stream()
                .map(table ->
                        "select '" + table + "' as n, md5(coalesce(string_agg(t::text, '|' order by t::text), ''))"
                                + " as d from " + table + " t where tenant_id = " + tenant)
                .collect(Collectors.joining(" union all "));
        return "select md5(string_agg(n || d, ',' order by n)) from (" + perTable
                + " union all select 'workspace', md5(w::text) from workspace w where id = " + tenant + ") x";
    }

    /** A valid token — of the attacker's own anonymous session, read from the sign-in form. */
    private String tokenOfAnotherSession() {
        Matcher field = CSRF_FIELD.matcher(Html.of(mvc.get().uri("/login").exchange()));
        assertThat(field.find()).as("the sign-in form carries a CSRF token").isTrue();
        return field.group(1);
    }

    private String fill(String pattern) {
        String uri = pattern.replace("{slug}", workspace.slug());
        Matcher variable = Pattern.compile("\\{([^}:]+)}").matcher(uri);
        StringBuilder filled = new StringBuilder();
        while (variable.find()) {
            String name = variable.group(1);
            String value = name.equals("id") || name.equals("userId")
                    ? idFor(name, uri.substring(0, variable.start()))
                    : ids.get(name);
            // A variable this fixture has no row for still gets a well-formed id: the token is checked before any id.
            variable.appendReplacement(filled, value == null ? UUID.randomUUID().toString() : value);
        }
        variable.appendTail(filled);
        return filled.toString();
    }

    /** What {@code {id}} and {@code {userId}} stand for depends on the path before them. */
    private String idFor(String name, String before) {
        if (before.contains("/notifications")) {
            return ids.get(before.startsWith("/portal/") ? "portalNotificationId" : "staffNotificationId");
        }
        if (before.contains("/portal-users") || before.startsWith("/portal/")) {
            return ids.get("portalUserId");
        }
        if (before.contains("/team") || before.startsWith("/admin/users")) {
            return ids.get("staffUserId");
        }
        if (before.startsWith("/admin/invitations")) {
            return ids.get("invitationId");
        }
        if (before.startsWith("/findings/library")) {
            return ids.get("libraryId");
        }
        if (before.startsWith("/clients")) {
            return ids.get("clientId");
        }
        if (before.startsWith("/projects")) {
            return ids.get("projectId");
        }
        return null;
    }

    private static RequestPostProcessor noToken() {
        return request -> request;
    }

    private long throttleRows(String email) {
        return jdbc.queryForObject(
                "select count(*) from sign_in_throttle where email_hash = encode(sha256(convert_to(lower(?), 'UTF8')), 'hex')",
                Long.class,
                email);
    }

    private String scalar(String sql, Object... args) {
        return testClients.value(workspace, String.class, sql, args);
    }

    private String libraryTemplate(UUID project, UUID finding) {
        return ActingAs.call(workspace, workspace.admin(), () -> library.saveFinding(project, finding))
                .toString();
    }

    private String notification(UUID recipient) {
        UUID id = UUID.randomUUID();
        transactions.writeAs(
                workspace.id(),
                () -> jdbc.update(
                        "insert into notification (tenant_id, id, recipient_id, kind, title, link, created_at)"
                                + " values (?, ?, ?, 'TEST', 'Something happened', '/', ?)",
                        workspace.id(),
                        id,
                        recipient,
                        Timestamp.from(Instant.now())));
        return id.toString();
    }

    private String staffInvitation() {
        Cookie session = SignIn.as(mvc, workspace.admin());
        assertThat(mvc.post()
                        .uri("/admin/users/invite")
                        .param(
                                "email",
                                "invited-" + UUID.randomUUID().toString().substring(0, 8) + "@test.local")
                        .param("role", PlatformRole.VIEWER.name())
                        .cookie(session)
                        .with(csrf()))
                .hasStatus3xxRedirection();
        return scalar("select id::text from staff_invitation where tenant_id = ? limit 1", workspace.id());
    }

    private static FindingForm finding() {
        return new FindingForm(
                "Forgery finding", Severity.HIGH, null, null, null, "", "", "", "", "", "", null, List.of());
    }
}
