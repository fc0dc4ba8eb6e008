package io.bridgehead.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import io.bridgehead.clients.ClientContacts;
import io.bridgehead.clients.ClientLogos;
import io.bridgehead.clients.ClientNotes;
import io.bridgehead.clients.ContactForm;
import io.bridgehead.clients.NoteForm;
import io.bridgehead.findings.CommentVisibility;
import io.bridgehead.findings.FindingComments;
import io.bridgehead.findings.FindingEvidence;
import io.bridgehead.findings.FindingForm;
import io.bridgehead.findings.FindingLibrary;
import io.bridgehead.findings.Findings;
import io.bridgehead.findings.Severity;
import io.bridgehead.findings.TemplateForm;
import io.bridgehead.identity.InviteStaffCmd;
import io.bridgehead.identity.PortalUserForm;
import io.bridgehead.identity.PortalUsers;
import io.bridgehead.identity.StaffAccounts;
import io.bridgehead.projects.AssetForm;
import io.bridgehead.projects.AssetKind;
import io.bridgehead.projects.ProjectRole;
import io.bridgehead.projects.ProjectStatus;
import io.bridgehead.projects.Projects;
import io.bridgehead.projects.TeamMemberForm;
import io.bridgehead.reports.GenerateReportCmd;
import io.bridgehead.reports.RenderQueue;
import io.bridgehead.reports.ReportTemplateCmd;
import io.bridgehead.reports.ReportTemplates;
import io.bridgehead.reports.Reports;
import io.bridgehead.shared.tenant.ScopedTransactions;
import io.bridgehead.support.ActingAs;
import io.bridgehead.support.IntegrationTest;
import io.bridgehead.support.Routes;
import io.bridgehead.support.SignIn;
import io.bridgehead.support.TestClients;
import io.bridgehead.support.TestPortal;
import io.bridgehead.support.TestWorkspaces;
import io.bridgehead.support.TestWorkspaces.TestUser;
import io.bridgehead.support.TestWorkspaces.TestWorkspace;
import jakarta.servlet.http.Cookie;
import java.awt.Color;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MockMvcTester.MockMvcRequestBuilder;
import org.springframework.web.servlet.handler.AbstractUrlHandlerMapping;

/**
 * The authorization matrix at the HTTP level: every route of the running application (its handler mappings, so a new
 * controller method cannot slip past) must be declared in {@code security/route-matrix.txt} with the answer each kind
 * of principal gets, and is called as each of them with real ids of one fixture workspace. A route missing from the
 * table, or a row for a route that is gone, fails the test by name. Answers seen are also written to
 * {@code target/route-matrix.observed.txt}, in the table's own format, to diff against the declared one.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RouteAuthorizationMatrixTest {

    private static final String MATRIX = "security/route-matrix.txt";
    private static final Path OBSERVED = Path.of("target", "route-matrix.observed.txt");

    /**
     * Answers: {@code ok} means "let through" (2xx, a redirect not to sign-in, 400, 409, 422), {@code login} a redirect
     * to a sign-in page, {@code 302} any other redirect, {@code 200} any 2xx, otherwise the status itself.
     */
    private static final Pattern ANSWER = Pattern.compile("ok|login|[1-5][0-9][0-9]");

    private static final Set<String> ALLOWED = Set.of("200", "302", "400", "409", "422");

    /** Static files: one real file under each resource handler's pattern. */
    private static final Map<String, String> STATIC_SAMPLES = Map.of(
            "/css/**", "/css/app.css",
            "/js/**", "/js/app.js",
            "/img/**", "/img/favicon.svg",
            "/webjars/**", "/webjars/htmx.org/dist/htmx.min.js");

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
    Projects projects;

    @Autowired
    Findings findings;

    @Autowired
    FindingComments comments;

    @Autowired
    FindingEvidence evidence;

    @Autowired
    FindingLibrary library;

    @Autowired
    ClientNotes notes;

    @Autowired
    ClientContacts contacts;

    @Autowired
    ClientLogos clientLogos;

    @Autowired
    StaffAccounts staffAccounts;

    @Autowired
    PortalUsers portalUsers;

    @Autowired
    ReportTemplates reportTemplates;

    @Autowired
    Reports reports;

    @Autowired
    RenderQueue renderQueue;

    @Autowired
    ScopedTransactions transactions;

    @Autowired
    JdbcTemplate jdbc;

    /** A principal: the matrix column, how it signs its requests, and the portal it addresses. */
    private record Principal(String column, Cookie session, String slug, String ip) {}

    private TestWorkspace workspace;
    private TestUser creator;
    private UUID client;
    private final Map<TestUser, ProjectRole> teamRoles = new LinkedHashMap<>();
    private final Map<String, Principal> principals = new LinkedHashMap<>();
    private Map<String, UUID> ids;
    private final Map<String, UUID> fresh = new HashMap<>();
    private final Map<String, UUID> portalIds = new HashMap<>();
    private int sequence;

    @BeforeAll
    void setUp() {
        workspace = testWorkspaces.create("Route matrix");
        creator = testWorkspaces.addUser(workspace, PlatformRole.ADMIN);
        client = testClients.create(workspace, "Matrix Client");
        testPortal.enable(workspace, client);
        for (PlatformRole role :
                List.of(PlatformRole.ADMIN, PlatformRole.ANALYST, PlatformRole.REVIEWER, PlatformRole.VIEWER)) {
            String prefix = role.label().substring(0, 3);
            TestUser unassigned =
                    role == PlatformRole.ADMIN ? workspace.admin() : testWorkspaces.addUser(workspace, role);
            principals.put(prefix, staff(prefix, unassigned));
            for (ProjectRole projectRole : projectRolesOf(role)) {
                TestUser member = testWorkspaces.addUser(workspace, role);
                teamRoles.put(member, projectRole);
                String column = prefix + "/" + projectRole.label().charAt(0);
                principals.put(column, staff(column, member));
            }
        }
        ids = mainFixture();
        principals.put("pVwr", portal("pVwr", workspace, client, PortalRole.VIEWER));
        principals.put("pCol", portal("pCol", workspace, client, PortalRole.COLLABORATOR));
        Principal manager = portal("pMgr", workspace, client, PortalRole.MANAGER);
        principals.put("pMgr", manager);
        ids.put("portalNotification", notificationFor(workspace, portalUserId(manager)));
        TestWorkspace elsewhere = testWorkspaces.create("Route matrix elsewhere");
        principals.put("xWs", staff("xWs", elsewhere.admin(), elsewhere));
        UUID otherClient = testClients.create(workspace, "Other Matrix Client");
        principals.put("pxCl", portal("pxCl", workspace, otherClient, PortalRole.MANAGER));
        UUID clientElsewhere = testClients.create(elsewhere, "Client Elsewhere");
        principals.put("pxWs", portal("pxWs", elsewhere, clientElsewhere, PortalRole.MANAGER));
        principals.put("anon", new Principal("anon", null, workspace.slug(), nextIp()));
    }

    /**
     * The project roles a user of the platform role can hold next to the other principals: a platform Reviewer or
     * Viewer can only be a project Reviewer (Projects refuses the rest), and a project has exactly one Owner, the
     * Analyst here, whose rights depend on it (an Admin's do not).
     */
    private static List<ProjectRole> projectRolesOf(PlatformRole role) {
        return switch (role) {
            case ADMIN -> List.of(ProjectRole.EDITOR, ProjectRole.REVIEWER);
            case ANALYST -> List.of(ProjectRole.OWNER, ProjectRole.EDITOR, ProjectRole.REVIEWER);
            case REVIEWER, VIEWER -> List.of(ProjectRole.REVIEWER);
        };
    }

    @Test
    void everyRouteAnswersEachPrincipalAsTheMatrixDeclares() throws IOException {
        Matrix matrix = Matrix.read(MATRIX);
        Map<String, Route> routes = routes();
        List<String> problems = new ArrayList<>();
        for (String key : routes.keySet()) {
            if (!matrix.rows.containsKey(key)) {
                problems.add("Route not in " + MATRIX + ": " + key);
            }
        }
        for (Row row : matrix.rows.values()) {
            boolean mapped = routes.containsKey(row.key());
            if (row.fixture().equals("unmapped") == mapped) {
                problems.add(
                        mapped
                                ? "Row marked unmapped, but the application maps it: " + row.key()
                                : "Row for a route the application no longer has: " + row.key());
            }
        }
        for (String column : matrix.columns) {
            if (!principals.containsKey(column)) {
                problems.add("Unknown principal column " + column);
            }
        }
        for (String column : principals.keySet()) {
            if (!matrix.columns.contains(column)) {
                problems.add("No column for principal " + column);
            }
        }
        // Undeclared routes are called too, so the observed table shows what to declare for them.
        List<Row> rows = new ArrayList<>(matrix.rows.values());
        routes.forEach((key, route) -> {
            if (!matrix.rows.containsKey(key)) {
                rows.add(new Row(route.method(), route.pattern(), guessedFixture(route), Map.of()));
            }
        });
        rows.removeIf(row -> row.fixture().equals("unmapped") && routes.containsKey(row.key()));

        Map<String, Map<String, String>> observed = new LinkedHashMap<>();
        int calls = 0;
        long started = System.nanoTime();
        for (String column : executionOrder()) {
            Principal principal = principals.get(column);
            for (Row row : sessionEndingLast(rows)) {
                String expected = row.answers().getOrDefault(column, "undeclared");
                String seen = null;
                for (String uri : concrete(row, principal)) {
                    String answer = answer(call(row.method(), uri, principal));
                    calls++;
                    if (!matches(expected, answer)) {
                        problems.add(row.key() + " as " + column + ": declared " + expected + ", got " + answer + " ("
                                + uri + ")");
                    }
                    seen = seen == null || seen.equals(answer) ? answer : seen + "|" + answer;
                    if (row.fixture().equals("fresh") && ALLOWED.contains(answer)) {
                        spent(row.pattern());
                    }
                }
                observed.computeIfAbsent(row.key(), k -> new LinkedHashMap<>()).put(column, summary(row, seen));
            }
        }
        writeObserved(matrix, observed);

        System.out.println("Route authorization matrix: " + matrix.rows.size() + " routes × " + principals.size()
                + " principals, " + calls + " requests in " + (System.nanoTime() - started) / 1_000_000 + " ms");
        assertThat(problems)
                .as("answers that differ from " + MATRIX + " (all answers seen: " + OBSERVED.toAbsolutePath() + ")")
                .isEmpty();
        assertThat(calls).isGreaterThanOrEqualTo(matrix.rows.size() * principals.size());
    }

    // ---- routes ----------------------------------------------------------------------------------------------------

    private record Route(String method, String pattern) {}

    /** Every method + pattern the application answers: controller methods and static resource handlers. */
    private Map<String, Route> routes() {
        Map<String, Route> routes = new java.util.TreeMap<>();
        for (Routes.Route route : Routes.ofControllers(context)) {
            routes.put(
                    route.method() + " " + route.pattern(),
                    new Route(route.method().name(), route.pattern()));
        }
        for (AbstractUrlHandlerMapping mapping :
                context.getBeansOfType(AbstractUrlHandlerMapping.class).values()) {
            for (String pattern : mapping.getHandlerMap().keySet()) {
                routes.put("GET " + pattern, new Route("GET", pattern));
            }
        }
        return routes;
    }

    /** For a route not yet in the table: routes that delete, archive or switch something off get throwaway ids. */
    private static String guessedFixture(Route route) {
        return !route.method().equals("GET")
                        && carriesIds(route.pattern())
                        && Pattern.compile(
                                        "/(delete|remove|archive|restore|deactivate|reactivate|revoke|reset-mfa|portal"
                                                + "|client|status|report-branding)(/\\{[^}]+})?$")
                                .matcher(route.pattern())
                                .find()
                ? "fresh"
                : "main";
    }

    /** The URIs a row is called with: ids filled in, and each word of a {@code {x:a|b}} variable. */
    private List<String> concrete(Row row, Principal principal) {
        String pattern = row.pattern();
        if (STATIC_SAMPLES.containsKey(pattern)) {
            return List.of(STATIC_SAMPLES.get(pattern));
        }
        List<String> uris = new ArrayList<>();
        for (String alternative : Routes.alternatives(pattern)) {
            Matcher variable = Pattern.compile("\\{([^}:]+)}").matcher(alternative);
            StringBuilder uri = new StringBuilder();
            while (variable.find()) {
                variable.appendReplacement(
                        uri, Matcher.quoteReplacement(fill(row, pattern, variable.group(1), principal)));
            }
            variable.appendTail(uri);
            uris.add(uri.toString());
        }
        return uris;
    }

    private String fill(Row row, String pattern, String variable, Principal principal) {
        if (variable.equals("slug")) {
            return principal.slug();
        }
        if (variable.equals("token")) {
            return "not-a-real-link-token-0123456789abcdef";
        }
        String kind = kindOf(pattern, variable);
        UUID id = row.fixture().equals("fresh") ? freshId(kind, pattern.startsWith("/portal/")) : ids.get(kind);
        if (id == null) {
            throw new AssertionError("No " + kind + " in the fixture for " + pattern);
        }
        return id.toString();
    }

    /** Which fixture object a path variable names; an unknown variable fails, so a new route is filled on purpose. */
    private static String kindOf(String pattern, String variable) {
        switch (variable) {
            case "clientId",
                    "projectId",
                    "findingId",
                    "commentId",
                    "evidenceId",
                    "contactId",
                    "noteId",
                    "assetId",
                    "versionId" -> {
                return variable.substring(0, variable.length() - 2);
            }
            case "userId" -> {
                if (pattern.contains("/team/")) {
                    return "teamMember";
                }
                if (pattern.startsWith("/portal/") || pattern.contains("/portal-users/")) {
                    return "portalUser";
                }
            }
            case "id" -> {
                for (Map.Entry<String, String> prefix : ID_PREFIXES.entrySet()) {
                    if (pattern.startsWith(prefix.getKey())) {
                        return prefix.getValue();
                    }
                }
            }
            default -> {}
        }
        throw new AssertionError("RouteAuthorizationMatrixTest does not know what {" + variable + "} is in " + pattern
                + ": teach kindOf and the fixture");
    }

    private static final Map<String, String> ID_PREFIXES = new LinkedHashMap<>();

    static {
        ID_PREFIXES.put("/clients/", "client");
        ID_PREFIXES.put("/projects/", "project");
        ID_PREFIXES.put("/admin/users/", "staffUser");
        ID_PREFIXES.put("/admin/invitations/", "staffInvitation");
        ID_PREFIXES.put("/findings/library/", "findingTemplate");
        ID_PREFIXES.put("/admin/report-templates/", "reportTemplate");
        ID_PREFIXES.put("/notifications/", "staffNotification");
        ID_PREFIXES.put("/portal/{slug}/notifications/", "portalNotification");
    }

    private static boolean carriesIds(String pattern) {
        return Pattern.compile("\\{([^}:]+)}")
                .matcher(pattern)
                .results()
                .map(m -> m.group(1))
                .anyMatch(v -> !v.equals("slug") && !v.equals("token"));
    }

    // ---- calls -----------------------------------------------------------------------------------------------------

    private MockHttpServletResponse call(String method, String uri, Principal principal) {
        MockMvcRequestBuilder request = switch (method) {
            case "GET" -> mvc.get().uri(uri);
            case "POST" -> plausible(mvc.post().uri(uri).with(csrf()));
            case "PUT" -> mvc.put().uri(uri).with(csrf());
            case "PATCH" -> mvc.patch().uri(uri).with(csrf());
            case "DELETE" -> mvc.delete().uri(uri).with(csrf());
            default -> throw new AssertionError("Method " + method + " of " + uri);
        };
        request.with(SignIn.from(principal.ip()));
        if (principal.session() != null) {
            request.cookie(principal.session());
        }
        try {
            return request.exchange().getResponse();
        } catch (IllegalStateException unhandled) {
            MockHttpServletResponse failed = new MockHttpServletResponse();
            failed.setStatus(500);
            return failed;
        }
    }

    /**
     * Parameters that some handlers require before their code runs (the framework answers 400 without them), so the
     * call reaches the permission check. Form fields stay empty: a form must be refused before its input is checked.
     */
    private MockMvcRequestBuilder plausible(MockMvcRequestBuilder request) {
        return request.param("version", "0")
                .param("to", "ACCEPTED_RISK")
                .param("note", "Matrix note")
                .param("visible", "true")
                .param("role", "VIEWER")
                .param("findingIds", ids.get("finding").toString());
    }

    /** What the principal noticed: a status, or {@code login} for being sent to a sign-in page. */
    private static String answer(MockHttpServletResponse response) {
        int status = response.getStatus();
        String location = status == 204 ? response.getHeader("HX-Redirect") : response.getRedirectedUrl();
        if (location != null
                && Pattern.compile("/login(\\?.*)?$").matcher(location).find()) {
            return "login";
        }
        if (status >= 200 && status < 300) {
            return "200";
        }
        if (status >= 300 && status < 400) {
            return "302";
        }
        return String.valueOf(status);
    }

    private static boolean matches(String expected, String answer) {
        return expected.equals("ok") ? ALLOWED.contains(answer) : expected.equals(answer);
    }

    /** How a row's answer is written in the table: state-changing routes that let the principal through say ok. */
    private static String summary(Row row, String seen) {
        boolean allowed = List.of(seen.split("\\|")).stream().allMatch(ALLOWED::contains);
        return !row.method().equals("GET") && allowed ? "ok" : seen;
    }

    /** Least privileged first, so that whatever an allowed principal changes cannot hide a refusal. */
    private List<String> executionOrder() {
        List<String> order = new ArrayList<>(List.of("anon", "xWs", "pxCl", "pxWs", "pVwr", "pCol", "pMgr"));
        for (String prefix : List.of("Vie", "Rev", "Ana", "Adm")) {
            principals.keySet().stream().filter(c -> c.startsWith(prefix)).forEach(order::add);
        }
        return order;
    }

    /** Sign-in, link and own-account routes may replace or end the caller's session: each principal calls them last. */
    private static List<Row> sessionEndingLast(java.util.Collection<Row> rows) {
        List<Row> ordered = new ArrayList<>();
        rows.stream().filter(r -> !endsSession(r)).forEach(ordered::add);
        rows.stream().filter(RouteAuthorizationMatrixTest::endsSession).forEach(ordered::add);
        return ordered;
    }

    private static boolean endsSession(Row row) {
        return row.method().equals("POST")
                && Pattern.compile("^(/portal/\\{slug})?/(login|invitation|invitations|password|email|account)(/|$)")
                        .matcher(row.pattern())
                        .find();
    }

    // ---- principals ------------------------------------------------------------------------------------------------

    private Principal staff(String column, TestUser user) {
        return staff(column, user, workspace);
    }

    private Principal staff(String column, TestUser user, TestWorkspace where) {
        return new Principal(column, SignIn.as(mvc, user), where.slug(), nextIp());
    }

    private Principal portal(String column, TestWorkspace where, UUID clientId, PortalRole role) {
        TestPortal.PortalUser user = testPortal.join(mvc, where, clientId, role);
        portalIds.put(column, user.id());
        return new Principal(column, user.session(), where.slug(), nextIp());
    }

    private UUID portalUserId(Principal principal) {
        return portalIds.get(principal.column());
    }

    private String nextIp() {
        return "203.0.113." + (++sequence);
    }

    // ---- fixture ---------------------------------------------------------------------------------------------------

    /** One of everything a route can name, in the matrix client's project, whose team holds the project roles. */
    private Map<String, UUID> mainFixture() {
        Map<String, UUID> main = new HashMap<>();
        main.put("client", client);
        byte[] logo = TestClients.png(64, 64, Color.BLUE);
        ActingAs.run(workspace, creator, () -> clientLogos.replace(client, logo, null));
        UUID project = project(client, "Matrix project");
        main.put("project", project);
        UUID finding = finding(project);
        main.put("finding", finding);
        main.put("evidence", evidence(project, finding));
        main.put("comment", comment(project, finding));
        main.put("note", note(client));
        main.put("contact", contact(client));
        main.put("asset", asset(project));
        main.put("teamMember", teamMember(project));
        main.put(
                "staffUser",
                testWorkspaces.addUser(workspace, PlatformRole.ANALYST).id());
        main.put("staffInvitation", staffInvitation());
        main.put("findingTemplate", findingTemplate());
        main.put("reportTemplate", reportTemplate());
        main.put("portalUser", portalUser(client));
        main.put("version", releasedReport(project));
        main.put(
                "staffNotification",
                notificationFor(workspace, workspace.admin().id()));
        return main;
    }

    /**
     * A throwaway object for routes that delete, archive or otherwise spoil what they name, built when first needed
     * and again after any principal was let through. Staff routes get a throwaway client; portal routes act within
     * the principals' own client.
     */
    private UUID freshId(String kind, boolean portalRoute) {
        String key = (portalRoute ? "portal:" : "") + kind;
        UUID known = fresh.get(key);
        if (known != null) {
            return known;
        }
        UUID id = switch (kind) {
            case "client" -> {
                if (portalRoute) {
                    yield client;
                }
                UUID throwaway = testClients.create(workspace, "Throwaway client " + (++sequence));
                testPortal.enable(workspace, throwaway);
                yield throwaway;
            }
            case "project" -> project(portalRoute ? client : freshId("client", false), "Throwaway project");
            case "finding" -> finding(freshId("project", portalRoute));
            case "evidence" -> evidence(freshId("project", portalRoute), freshId("finding", portalRoute));
            case "comment" -> comment(freshId("project", portalRoute), freshId("finding", portalRoute));
            case "note" -> note(freshId("client", false));
            case "contact" -> contact(freshId("client", false));
            case "asset" -> asset(freshId("project", portalRoute));
            case "teamMember" -> teamMember(freshId("project", portalRoute));
            case "staffUser" ->
                testWorkspaces.addUser(workspace, PlatformRole.ANALYST).id();
            case "staffInvitation" -> staffInvitation();
            case "findingTemplate" -> findingTemplate();
            case "reportTemplate" -> reportTemplate();
            case "portalUser" -> portalUser(portalRoute ? client : freshId("client", false));
            default -> ids.get(kind);
        };
        fresh.put(key, id);
        return id;
    }

    /** What a principal was let through to is spent: the object the route names last, and what hangs off it. */
    private void spent(String pattern) {
        List<String> named = Pattern.compile("\\{([^}:]+)}")
                .matcher(pattern)
                .results()
                .map(m -> m.group(1))
                .filter(v -> !v.equals("slug") && !v.equals("token"))
                .map(v -> kindOf(pattern, v))
                .toList();
        String last = named.get(named.size() - 1);
        Set<String> gone = switch (last) {
            case "client" -> Set.copyOf(fresh.keySet());
            case "project" -> Set.of("project", "finding", "evidence", "comment", "asset", "teamMember");
            case "finding" -> Set.of("finding", "evidence", "comment");
            default -> Set.of(last);
        };
        fresh.keySet().removeIf(key -> gone.contains(key.replace("portal:", "")));
    }

    private UUID project(UUID clientId, String name) {
        UUID project =
                testClients.project(workspace, creator, name + " " + (++sequence), clientId, ProjectStatus.IN_PROGRESS);
        ActingAs.run(
                workspace,
                creator,
                () -> teamRoles.forEach(
                        (user, role) -> projects.putOnTeam(project, new TeamMemberForm(user.id(), role))));
        return project;
    }

    private UUID finding(UUID project) {
        FindingForm form = new FindingForm(
                "Matrix finding", Severity.HIGH, null, null, null, "", "", "", "", "", "", null, List.of());
        return ActingAs.call(workspace, creator, () -> findings.create(project, form));
    }

    private UUID evidence(UUID project, UUID finding) {
        byte[] png = TestClients.png(8, 8, Color.RED);
        return ActingAs.call(workspace, creator, () -> evidence.add(project, finding, "proof.png", png));
    }

    private UUID comment(UUID project, UUID finding) {
        return ActingAs.call(
                workspace, creator, () -> comments.add(project, finding, "A shared comment", CommentVisibility.SHARED));
    }

    private UUID note(UUID clientId) {
        ActingAs.run(workspace, creator, () -> notes.add(clientId, new NoteForm("A note " + (++sequence))));
        return testClients.value(
                workspace,
                UUID.class,
                "select id from client_note where client_id = ? order by created_at desc limit 1",
                clientId);
    }

    private UUID contact(UUID clientId) {
        String name = "Contact " + (++sequence);
        ActingAs.run(
                workspace,
                creator,
                () -> contacts.add(clientId, new ContactForm(name, "", "", "", "", false, false, false, false)));
        return testClients.value(
                workspace,
                UUID.class,
                "select id from client_contact where client_id = ? and full_name = ?",
                clientId,
                name);
    }

    private UUID asset(UUID project) {
        String value = "host-" + (++sequence) + ".example.test";
        ActingAs.run(workspace, creator, () -> projects.addAsset(project, new AssetForm(AssetKind.HOST, value)));
        return testClients.value(
                workspace,
                UUID.class,
                "select id from project_asset where project_id = ? and value = ?",
                project,
                value);
    }

    /** A colleague on the team who is none of the principals, for the "remove from team" route. */
    private UUID teamMember(UUID project) {
        TestUser member = testWorkspaces.addUser(workspace, PlatformRole.ANALYST);
        ActingAs.run(
                workspace,
                creator,
                () -> projects.putOnTeam(project, new TeamMemberForm(member.id(), ProjectRole.REVIEWER)));
        return member.id();
    }

    private UUID staffInvitation() {
        String email = "invited-" + UUID.randomUUID().toString().substring(0, 8) + "@test.local";
        ActingAs.run(workspace, creator, () -> staffAccounts.invite(new InviteStaffCmd(email, PlatformRole.VIEWER)));
        return testClients.value(workspace, UUID.class, "select id from staff_invitation where email = ?", email);
    }

    private UUID findingTemplate() {
        return ActingAs.call(
                workspace,
                creator,
                () -> library.create(new TemplateForm("Template " + (++sequence), Severity.LOW, null, "", "", "", "")));
    }

    private UUID reportTemplate() {
        return ActingAs.call(
                workspace,
                creator,
                () -> reportTemplates.create(new ReportTemplateCmd(
                        "Template " + (++sequence), "#123456", "#654321", "CLASSIC", "", "", "", "", "")));
    }

    /** A portal user of the client who is none of the principals, for the team-management routes. */
    private UUID portalUser(UUID clientId) {
        String email = "matrix-" + UUID.randomUUID().toString().substring(0, 8) + "@client.test";
        return ActingAs.call(
                workspace,
                creator,
                () -> portalUsers.invite(clientId, new PortalUserForm(email, "Someone Else", PortalRole.VIEWER)));
    }

    private UUID releasedReport(UUID project) {
        UUID version = ActingAs.call(
                workspace,
                creator,
                () -> reports.generate(
                        project, new GenerateReportCmd("default", "Matrix report", "1.0", "Confidential", "", "", "")));
        renderQueue.drain();
        ActingAs.run(workspace, creator, () -> reports.release(project, version));
        return version;
    }

    private UUID notificationFor(TestWorkspace where, UUID recipient) {
        UUID notification = UUID.randomUUID();
        transactions.writeAs(
                where.id(),
                () -> jdbc.update(
                        "insert into notification (tenant_id, id, recipient_id, kind, title, link, created_at)"
                                + " values (?, ?, ?, 'TEST', 'Matrix', '/', ?)",
                        where.id(),
                        notification,
                        recipient,
                        Timestamp.from(Instant.now())));
        return notification;
    }

    // ---- the table -------------------------------------------------------------------------------------------------

    private record Row(String method, String pattern, String fixture, Map<String, String> answers) {
        String key() {
            return method + " " + pattern;
        }
    }

    /** The declared table: whitespace-separated columns, {@code #} starts a comment. */
    private record Matrix(List<String> columns, Map<String, Row> rows) {

        static Matrix read(String resource) throws IOException {
            List<String> columns = null;
            Map<String, Row> rows = new LinkedHashMap<>();
            List<String> problems = new ArrayList<>();
            try (InputStream in =
                    RouteAuthorizationMatrixTest.class.getClassLoader().getResourceAsStream(resource)) {
                assertThat(in).as(resource).isNotNull();
                for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                    String text = line.replaceAll("#.*", "").strip();
                    if (text.isEmpty()) {
                        continue;
                    }
                    List<String> cells = List.of(text.split("\\s+"));
                    if (columns == null) {
                        assertThat(cells.subList(0, 3)).containsExactly("method", "pattern", "fixture");
                        columns = cells.subList(3, cells.size());
                        continue;
                    }
                    if (cells.size() != columns.size() + 3) {
                        problems.add("Wrong number of answers: " + line);
                        continue;
                    }
                    Map<String, String> answers = new LinkedHashMap<>();
                    for (int i = 0; i < columns.size(); i++) {
                        String answer = cells.get(i + 3);
                        if (!ANSWER.matcher(answer).matches()) {
                            problems.add("Unknown answer " + answer + " in " + line);
                        }
                        answers.put(columns.get(i), answer);
                    }
                    Row row = new Row(cells.get(0), cells.get(1), cells.get(2), answers);
                    if (!Set.of("main", "fresh", "unmapped").contains(row.fixture())) {
                        problems.add("Fixture must be main, fresh or unmapped: " + line);
                    }
                    if (rows.put(row.key(), row) != null) {
                        problems.add("Declared twice: " + row.key());
                    }
                    crossTenantIsNotFound(row).ifPresent(problems::add);
                }
            }
            assertThat(problems).as("well-formed " + resource).isEmpty();
            return new Matrix(columns, rows);
        }

        /** Ids of another workspace's objects, or of another client's, are never found: staff and portal alike. */
        private static java.util.Optional<String> crossTenantIsNotFound(Row row) {
            if (!carriesIds(row.pattern())) {
                return java.util.Optional.empty();
            }
            List<String> foreign = row.pattern().startsWith("/portal/") ? List.of("pxCl", "pxWs") : List.of("xWs");
            for (String column : foreign) {
                if (!"404".equals(row.answers().get(column))) {
                    return java.util.Optional.of(row.key() + " carries ids: " + column + " must be declared 404, not "
                            + row.answers().get(column));
                }
            }
            return java.util.Optional.empty();
        }
    }

    private void writeObserved(Matrix declared, Map<String, Map<String, String>> observed) throws IOException {
        List<String> columns = new ArrayList<>(List.of("method", "pattern", "fixture"));
        columns.addAll(declared.columns());
        Set<String> keys = new TreeSet<>(observed.keySet());
        routes().keySet().stream().filter(k -> !observed.containsKey(k)).forEach(keys::add);
        List<List<String>> lines = new ArrayList<>();
        lines.add(columns);
        for (String key : keys) {
            Row row = declared.rows().get(key);
            String[] parts = key.split(" ", 2);
            List<String> cells = new ArrayList<>(List.of(
                    parts[0], parts[1], row == null ? guessedFixture(new Route(parts[0], parts[1])) : row.fixture()));
            for (String column : declared.columns()) {
                cells.add(observed.getOrDefault(key, Map.of()).getOrDefault(column, "?"));
            }
            lines.add(cells);
        }
        int[] widths = new int[columns.size()];
        for (List<String> cells : lines) {
            for (int i = 0; i < cells.size(); i++) {
                widths[i] = Math.max(widths[i], cells.get(i).length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (List<String> cells : lines) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < cells.size(); i++) {
                line.append(String.format(Locale.ROOT, "%-" + (widths[i] + 2) + "s", cells.get(i)));
            }
            out.append(line.toString().stripTrailing()).append('\n');
        }
        Files.createDirectories(OBSERVED.getParent());
        Files.writeString(OBSERVED, out.toString());
    }
}
