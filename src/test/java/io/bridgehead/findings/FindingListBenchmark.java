package io.bridgehead.findings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import io.bridgehead.shared.Text;
import io.bridgehead.shared.tenant.ScopedTransactions;
import io.bridgehead.support.RecordingJdbcTemplate;
import io.bridgehead.support.SignIn;
import io.bridgehead.support.TestWorkspaces;
import io.bridgehead.support.TestWorkspaces.TestWorkspace;
import jakarta.servlet.http.Cookie;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.webmvc.test.autoconfigure.MockMvcPrint;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * The findings lists with 200,000 findings in one workspace (about 2,000 projects, one of them with 2,000 findings):
 * p50/p95/max of {@code GET /findings} and {@code GET /projects/{id}/findings} through the real web layer (security,
 * session, tenant transaction, SQL, Thymeleaf) for each sort and the main filters, plus {@code EXPLAIN (ANALYZE,
 * BUFFERS)} of the SQL that {@link FindingListQuery} generates. Prints a table, appends it to {@code bench/results.txt}
 * and writes the full plans to {@code target/bench/findings-list.txt}. Asserts no time.
 *
 * <p>Not part of {@code mvn verify} (tag {@code benchmark}); run it with {@code bench/findings-list.sh}.
 */
@Tag("benchmark")
@SpringBootTest(
        properties = {
            "bridgehead.embedded-db.database=findings_list_bench",
            // As in production: templates parsed once (the test profile turns the cache off).
            "spring.thymeleaf.cache=true",
            "logging.level.root=WARN"
        })
// No result printing: by default MockMvc formats every result (model and body) in case a test fails, which is test
// harness work inside the timed call, not the server's.
@AutoConfigureMockMvc(print = MockMvcPrint.NONE)
@ActiveProfiles("test")
class FindingListBenchmark {

    static final int CLIENTS = 300;
    static final int PROJECTS = 2_000;
    static final int FINDINGS = 200_000;
    static final int BIG_PROJECT_FINDINGS = 2_000;
    static final String BIG_PROJECT = "Estate-wide infrastructure assessment (big)";
    static final int WARM_UP = Integer.getInteger("bench.warmup", 30);
    static final int RUNS = Integer.getInteger("bench.runs", 150);
    static final double TARGET_P95_MS = 50;

    @Autowired
    MockMvc mvc;

    @Autowired
    MockMvcTester tester;

    @Autowired
    TestWorkspaces testWorkspaces;

    @Autowired
    ScopedTransactions transactions;

    @Autowired
    NamedParameterJdbcTemplate named;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Environment environment;

    /** One measured request: a label, its URI, whether htmx asks for the results only, and the query for EXPLAIN. */
    record Variant(String label, String uri, boolean htmx, FindingQuery query) {}

    record Result(Variant variant, long rows, double p50, double p95, double max, String listPlan, String countPlan) {}

    @Test
    void findingsListsWithTwoHundredThousandFindings() throws Exception {
        TestWorkspace workspace = testWorkspaces.create("Findings benchmark");
        long seedStart = System.nanoTime();
        seed(workspace);
        double seedSeconds = (System.nanoTime() - seedStart) / 1e9;
        String analyzeNote = analyze();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        UUID bigProject = transactions.readAs(
                workspace.id(),
                () -> jdbc.queryForObject("select id from project where name = ?", UUID.class, BIG_PROJECT));
        // The client with the most findings in live projects: the heaviest client filter.
        UUID bigClient = transactions.readAs(
                workspace.id(),
                () -> jdbc.queryForObject(
                        "select p.client_id from finding f join project p on p.tenant_id = f.tenant_id and p.id ="
                                + " f.project_id where p.archived_at is null and p.client_id is not null"
                                + " group by p.client_id order by count(*) desc limit 1",
                        UUID.class));
        String counts = transactions.readAs(
                workspace.id(),
                () -> jdbc.queryForObject(
                        "select format('%s clients, %s projects (%s archived, %s unassigned), %s findings (%s"
                                + " unresolved, %s overdue, %s critical), %s in the big project, %s for the busiest"
                                + " client, most in another project: %s',"
                                + " (select count(*) from client), (select count(*) from project),"
                                + " (select count(*) from project where archived_at is not null),"
                                + " (select count(*) from project where client_id is null),"
                                + " (select count(*) from finding),"
                                + " (select count(*) from finding where status in ('OPEN', 'PENDING_VERIFICATION',"
                                + " 'RETEST_REQUESTED', 'PARTIALLY_FIXED')),"
                                + " (select count(*) from finding where status in ('OPEN', 'PENDING_VERIFICATION',"
                                + " 'RETEST_REQUESTED', 'PARTIALLY_FIXED') and due_date < ?),"
                                + " (select count(*) from finding where severity = 'CRITICAL'),"
                                + " (select count(*) from finding where project_id = ?),"
                                + " (select count(*) from finding f join project p on p.id = f.project_id"
                                + " where p.client_id = ?),"
                                + " (select max(n) from (select count(*) n from finding where project_id <> ?"
                                + " group by project_id) x))",
                        String.class, today, bigProject, bigClient, bigProject));

        Cookie admin = SignIn.as(tester, workspace.admin());
        List<Result> results = measure(workspace.id(), admin, variants(bigProject, bigClient), today);
        String report = report(results, counts, seedSeconds, analyzeNote);
        System.out.println(report);
        Path full = Path.of("target/bench/findings-list.txt");
        Files.createDirectories(full.getParent());
        Files.writeString(full, report + "\n" + plans(results), StandardCharsets.UTF_8);
        Path appended = Path.of("bench/results.txt");
        Files.createDirectories(appended.toAbsolutePath().getParent());
        Files.writeString(
                appended, report + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    // Variants ------------------------------------------------------------------------------------------------------

    private static List<Variant> variants(UUID bigProject, UUID bigClient) {
        List<Variant> variants = new ArrayList<>();
        for (FindingSort sort : FindingSort.values()) {
            variants.add(new Variant(
                    "sort " + sort.name(),
                    "/findings?sort=" + sort.name(),
                    false,
                    new FindingQuery(null, null, null, null, null, false, sort, 0)));
        }
        variants.add(new Variant(
                "sort SEVERITY, results only (htmx)",
                "/findings?sort=SEVERITY",
                true,
                new FindingQuery(null, null, null, null, null, false, FindingSort.SEVERITY, 0)));
        variants.add(new Variant(
                "severity CRITICAL",
                "/findings?severity=CRITICAL",
                false,
                new FindingQuery(null, Severity.CRITICAL, null, null, null, false, null, 0)));
        variants.add(new Variant(
                "status OPEN",
                "/findings?status=OPEN",
                false,
                new FindingQuery(null, null, FindingStatus.OPEN, null, null, false, null, 0)));
        variants.add(new Variant(
                "overdue",
                "/findings?overdue=true",
                false,
                new FindingQuery(null, null, null, null, null, true, null, 0)));
        variants.add(new Variant(
                "overdue, due soonest",
                "/findings?overdue=true&sort=DUE_DATE",
                false,
                new FindingQuery(null, null, null, null, null, true, FindingSort.DUE_DATE, 0)));
        variants.add(new Variant(
                "client (busiest)",
                "/findings?clientId=" + bigClient,
                false,
                new FindingQuery(null, null, null, bigClient, null, false, null, 0)));
        variants.add(new Variant(
                "project big (on /findings)",
                "/findings?projectId=" + bigProject,
                false,
                new FindingQuery(null, null, null, null, bigProject, false, null, 0)));
        variants.add(new Variant(
                "search title \"sql injection\"",
                "/findings?q=sql injection",
                false,
                new FindingQuery("sql injection", null, null, null, null, false, null, 0)));
        variants.add(new Variant(
                "search rare \"aws key\" (htmx)",
                "/findings?q=aws key",
                true,
                new FindingQuery("aws key", null, null, null, null, false, null, 0)));
        variants.add(new Variant(
                "critical + open, recently updated",
                "/findings?severity=CRITICAL&status=OPEN&sort=UPDATED",
                false,
                new FindingQuery(
                        null, Severity.CRITICAL, FindingStatus.OPEN, null, null, false, FindingSort.UPDATED, 0)));
        variants.add(new Variant(
                "page 20 (severity)",
                "/findings?page=20",
                false,
                new FindingQuery(null, null, null, null, null, false, null, 20)));
        variants.add(new Variant(
                "/projects/big/findings",
                "/projects/" + bigProject + "/findings",
                false,
                new FindingQuery(null, null, null, null, bigProject, false, null, 0)));
        variants.add(new Variant(
                "/projects/big/findings status OPEN",
                "/projects/" + bigProject + "/findings?status=OPEN",
                false,
                new FindingQuery(null, null, FindingStatus.OPEN, null, bigProject, false, null, 0)));
        variants.add(new Variant(
                "/projects/big/findings by updated",
                "/projects/" + bigProject + "/findings?sort=UPDATED",
                false,
                new FindingQuery(null, null, null, null, bigProject, false, FindingSort.UPDATED, 0)));
        return variants;
    }

    // Seeding -------------------------------------------------------------------------------------------------------

    /** Set-based inserts in the workspace's own transaction, so row-level security checks every row. */
    private void seed(TestWorkspace workspace) {
        MapSqlParameterSource params = new MapSqlParameterSource()
                .addValue("tenant", workspace.id())
                .addValue("admin", workspace.admin().id())
                .addValue("clients", CLIENTS)
                .addValue("projects", PROJECTS)
                .addValue("findings", FINDINGS)
                .addValue("bigFindings", BIG_PROJECT_FINDINGS)
                .addValue("big", BIG_PROJECT);
        transactions.writeAs(workspace.id(), () -> {
            // The test server commits asynchronously (zonky's default); production does not. See analyze().
            jdbc.execute("set local synchronous_commit = on");
            jdbc.queryForObject("select setseed(0.42)", Object.class);
            named.update("""
                    insert into client (tenant_id, id, name, contact_email, industry, status, active_projects,
                                        logo_version, created_at, last_activity_at)
                    select :tenant, gen_random_uuid(),
                           (array['Northwind', 'Contoso', 'Fabrikam', 'Globex', 'Initech', 'Umbrella', 'Stark',
                                  'Wayne', 'Acme', 'Tyrell', 'Cyberdyne', 'Soylent', 'Hooli', 'Vandelay', 'Wonka',
                                  'Nakatomi', 'Weyland'])[1 + (g * 7919) % 17] || ' ' || g,
                           'security' || g || '@client.test',
                           (array['FINANCE', 'HEALTHCARE', 'RETAIL', 'TECHNOLOGY', 'ENERGY'])[1 + g % 5],
                           'ACTIVE', 0, 0, now() - interval '800 days', now() - interval '800 days'
                    from generate_series(1, :clients) g
                    """, params);
            // Project 1 is the big one; 5% unassigned; 4% archived; clients get projects unevenly.
            named.update("""
                    with numbered as (
                        select id, row_number() over (order by md5(id::text)) as rn from client where tenant_id = :tenant
                    ), pick as (
                        select g, random() as r, random() as s, now() - random() * interval '730 days' as created
                        from generate_series(1, :projects) g
                    )
                    insert into project (tenant_id, id, name, client_id, type, status, start_date, end_date,
                                         created_by, created_at, updated_at, archived_at)
                    select :tenant, gen_random_uuid(),
                           case when g = 1 then :big
                                else (array['External penetration test', 'Internal network test',
                                            'Web application test', 'Mobile app test', 'Cloud configuration review',
                                            'Red team exercise', 'API security test', 'Retest'])[1 + g % 8] || ' ' || g
                           end,
                           case when g > 1 and r < 0.05 then null else n.id end,
                           (array['EXTERNAL_NETWORK', 'INTERNAL_NETWORK', 'WEB_APPLICATION', 'MOBILE', 'CLOUD',
                                  'RED_TEAM', 'API', 'OTHER'])[1 + g % 8],
                           case when s < 0.7 then 'COMPLETED' when s < 0.8 then 'IN_PROGRESS' else 'REMEDIATION' end,
                           (created + interval '7 days')::date, (created + interval '7 days')::date + 1 + g % 20,
                           :admin, created, created + random() * (now() - created),
                           case when g > 1 and g % 25 = 0 then now() - random() * interval '60 days' end
                    from pick left join numbered n
                         on n.rn = 1 + floor(:clients * power(greatest(r - 0.05, 0) / 0.95, 1.6))::int
                    """, params);
            // The big project's findings first, the rest over the other projects unevenly. Most findings are resolved;
            // unresolved ones are younger. Due dates follow the default SLA (7/30/90/180 days, none for informational).
            named.update("""
                    with numbered as (
                        select id, row_number() over (order by (name = :big) desc, md5(id::text)) as rn
                        from project where tenant_id = :tenant
                    ), pick as (
                        select g,
                               case when g <= :bigFindings then 1
                                    else 2 + floor((:projects - 1) * power(random(), 1.3))::int end as k,
                               random() as r_sev, random() as r_st, random() as r_age, random() as r_upd,
                               random() as r_cvss, random() as r_title, random() as r_comp
                        from generate_series(1, :findings) g
                    ), shaped as (
                        select pick.*,
                               case when r_sev < 0.06 then 'CRITICAL' when r_sev < 0.22 then 'HIGH'
                                    when r_sev < 0.55 then 'MEDIUM' when r_sev < 0.80 then 'LOW'
                                    else 'INFORMATIONAL' end as severity,
                               case when r_st < 0.18 then 'OPEN' when r_st < 0.23 then 'PENDING_VERIFICATION'
                                    when r_st < 0.27 then 'RETEST_REQUESTED' when r_st < 0.30 then 'PARTIALLY_FIXED'
                                    when r_st < 0.80 then 'VERIFIED_FIXED' when r_st < 0.88 then 'ACCEPTED_RISK'
                                    else 'CLOSED' end as status,
                               now() - (case when r_st < 0.30 then power(r_age, 3) else r_age end)
                                       * interval '730 days' as created
                        from pick
                    )
                    insert into finding (tenant_id, id, project_id, ref, title, severity, cvss31_score, status,
                                         due_date, created_by, created_at, updated_at)
                    select :tenant, gen_random_uuid(), n.id,
                           row_number() over (partition by k order by g),
                           case when g % 1000 = 0 then 'Hard-coded AWS key in mobile app build'
                                else (array['SQL injection', 'Reflected cross-site scripting', 'Stored cross-site scripting',
                                            'Broken access control', 'Missing security headers', 'Outdated TLS configuration',
                                            'Weak password policy', 'Verbose error messages', 'Insecure direct object reference',
                                            'Server-side request forgery', 'Open redirect', 'Missing rate limiting',
                                            'Default credentials', 'Unpatched operating system', 'SMB signing not required',
                                            'Kerberoastable service account', 'Cross-site request forgery',
                                            'Sensitive data in logs', 'Clickjacking', 'Directory listing enabled',
                                            'Outdated JavaScript library', 'Weak session timeout', 'Exposed admin interface',
                                            'Insecure deserialization', 'Cleartext protocol in use'])
                                     [1 + floor(r_title * 25)::int]
                                     || ' in ' || (array['login form', 'search', 'customer portal', 'REST API',
                                                         'admin panel', 'file upload', 'payment service',
                                                         'mail gateway', 'VPN appliance', 'intranet'])
                                                  [1 + floor(r_comp * 10)::int]
                           end,
                           severity,
                           case when r_cvss < 0.1 then null
                                when severity = 'CRITICAL' then round((9.0 + r_cvss * 1.0)::numeric, 1)
                                when severity = 'HIGH' then round((7.0 + r_cvss * 1.9)::numeric, 1)
                                when severity = 'MEDIUM' then round((4.0 + r_cvss * 2.9)::numeric, 1)
                                when severity = 'LOW' then round((0.1 + r_cvss * 3.8)::numeric, 1)
                                else 0.0 end,
                           status,
                           case severity when 'CRITICAL' then (created + interval '7 days')::date
                                         when 'HIGH' then (created + interval '30 days')::date
                                         when 'MEDIUM' then (created + interval '90 days')::date
                                         when 'LOW' then (created + interval '180 days')::date end,
                           :admin, created, created + r_upd * (now() - created)
                    from shaped join numbered n on n.rn = shaped.k
                    """, params);
            return null;
        });
    }

    /** VACUUM ANALYZE as the owner (Flyway's credentials), as autovacuum would do in production. */
    private String analyze() throws SQLException, InterruptedException {
        try (Connection owner = DriverManager.getConnection(
                        environment.getRequiredProperty("spring.flyway.url"),
                        environment.getRequiredProperty("spring.flyway.user"),
                        environment.getRequiredProperty("spring.flyway.password"));
                Statement statement = owner.createStatement()) {
            String holders;
            // A snapshot (xmin) or an open transaction that wrote (xid) keeps VACUUM from marking newer rows
            // all-visible.
            try (var rs = statement.executeQuery("select coalesce(string_agg(format('%s %s xmin %s xid %s \"%s\"',"
                    + " usename, state, backend_xmin, backend_xid, left(query, 40)), '; '), 'none')"
                    + " from pg_stat_activity where (backend_xmin is not null or backend_xid is not null)"
                    + " and pid <> pg_backend_pid() and datname = current_database()")) {
                rs.next();
                holders = rs.getString(1);
            }
            // As in production: VACUUM may mark a page all-visible only once its rows' commits are known durable, and
            // an asynchronous commit that is not yet flushed holds back the hint bits of every transaction in its
            // group of commit log entries. Each ANALYZE below commits too, so asynchronously it kept the seeded rows
            // from ever becoming all-visible (and index-only scans read the table).
            statement.execute("set synchronous_commit = on");
            // Autovacuum would come back later; when a concurrent snapshot kept the first pass from marking pages
            // all-visible (index-only scans then read the table), try again after a pause, at most three passes.
            int passes = 0;
            String state;
            do {
                if (passes > 0) {
                    Thread.sleep(2_000);
                }
                passes++;
                statement.execute("vacuum analyze client");
                statement.execute("vacuum analyze project");
                statement.execute("vacuum analyze finding");
                statement.execute("vacuum analyze finding_search");
                try (var rs = statement.executeQuery("select string_agg(format('%s %s/%s pages all-visible', relname,"
                        + " relallvisible, relpages), ', ' order by relname), bool_and(relallvisible > 0)"
                        + " from pg_class where relname in ('client', 'project', 'finding', 'finding_search')")) {
                    rs.next();
                    state = rs.getString(1) + (rs.getBoolean(2) ? "" : " (not all-visible)");
                }
            } while (state.endsWith("(not all-visible)") && passes < 3);
            return "VACUUM ANALYZE as owner (" + passes + " pass" + (passes == 1 ? "" : "es") + "; snapshots held"
                    + " before: " + holders + "): " + state;
        }
    }

    // Measuring -----------------------------------------------------------------------------------------------------

    /**
     * Round-robin over the variants (warm-up rounds first), so that a burst of load from elsewhere on the machine, or
     * the JIT still compiling, spreads over all variants instead of landing on one.
     */
    private List<Result> measure(UUID tenant, Cookie admin, List<Variant> variants, LocalDate today) throws Exception {
        long[] rows = new long[variants.size()];
        for (int v = 0; v < variants.size(); v++) {
            MockHttpServletResponse first = request(variants.get(v), admin);
            assertThat(first.getStatus()).as(variants.get(v).label()).isEqualTo(200);
            rows[v] = rowsShown(first.getContentAsString());
        }
        for (int round = 0; round < WARM_UP; round++) {
            for (Variant variant : variants) {
                request(variant, admin);
            }
        }
        double[][] millis = new double[variants.size()][RUNS];
        for (int round = 0; round < RUNS; round++) {
            for (int v = 0; v < variants.size(); v++) {
                long start = System.nanoTime();
                MockHttpServletResponse response = request(variants.get(v), admin);
                millis[v][round] = (System.nanoTime() - start) / 1e6;
                if (response.getStatus() != 200) {
                    throw new AssertionError(variants.get(v).label() + " answered " + response.getStatus());
                }
            }
        }
        List<Result> results = new ArrayList<>();
        for (int v = 0; v < variants.size(); v++) {
            double[] sorted = millis[v];
            Arrays.sort(sorted);
            List<String> plans = explain(tenant, variants.get(v).query(), today);
            results.add(new Result(
                    variants.get(v),
                    rows[v],
                    percentile(sorted, 50),
                    percentile(sorted, 95),
                    sorted[sorted.length - 1],
                    plans.get(plans.size() - 1),
                    // A title search counts within its page query (count(*) over ()): no count query of its own.
                    plans.size() > 1 ? plans.get(0) : null));
        }
        return results;
    }

    private MockHttpServletResponse request(Variant variant, Cookie admin) throws Exception {
        var request = get(variant.uri()).cookie(admin).header("Accept", "text/html");
        if (variant.htmx()) {
            request = request.header("HX-Request", "true");
        }
        return mvc.perform(request).andReturn().getResponse();
    }

    private static long rowsShown(String html) {
        Matcher matcher = Pattern.compile("(\\d+) findings?<").matcher(html);
        return matcher.find() ? Long.parseLong(matcher.group(1)) : -1;
    }

    private static double percentile(double[] sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(index, sorted.length - 1))];
    }

    // EXPLAIN -------------------------------------------------------------------------------------------------------

    /**
     * The count and page SQL exactly as FindingListQuery sends them, explained as the app role in the tenant; for a
     * title search, the plan inside finding_title_matches is appended to the page's (see {@link #explainTitleMatches}).
     */
    private List<String> explain(UUID tenant, FindingQuery query, LocalDate today) throws SQLException {
        RecordingJdbcTemplate recording = new RecordingJdbcTemplate(jdbc);
        transactions.readAs(tenant, () -> new FindingListQuery(recording).page(tenant, query, Optional.empty(), today));
        List<String> plans = transactions.readAs(tenant, () -> {
            List<String> explained = new ArrayList<>();
            for (int i = 0; i < recording.sql.size(); i++) {
                String sql = "explain (analyze, buffers) " + recording.sql.get(i);
                named.queryForList(sql, recording.params.get(i), String.class); // warm
                explained.add(recording.sql.get(i) + "\n"
                        + String.join("\n", named.queryForList(sql, recording.params.get(i), String.class)));
            }
            return explained;
        });
        if (FindingListQuery.readsTitleMatches(query)) {
            int page = plans.size() - 1;
            plans.set(page, plans.get(page) + "\n" + explainTitleMatches(tenant, Text.likeContaining(query.q())));
        }
        return plans;
    }

    /**
     * EXPLAIN of the query inside finding_title_matches (V18), which EXPLAIN of the list shows only as a function scan.
     * As the owner, since the application role may not read finding_search; the SQL repeats the function's.
     */
    private String explainTitleMatches(UUID tenant, String pattern) throws SQLException {
        try (Connection owner = DriverManager.getConnection(
                        environment.getRequiredProperty("spring.flyway.url"),
                        environment.getRequiredProperty("spring.flyway.user"),
                        environment.getRequiredProperty("spring.flyway.password"));
                var statement = owner.prepareStatement("explain (analyze, buffers) select s.tenant_id, s.id,"
                        + " s.project_id, s.ref, s.title, s.severity, s.cvss31_score, s.status, s.due_date,"
                        + " s.updated_at from finding_search s where s.tenant_id = ? and s.title_lower like ?"
                        + " escape '\\'")) {
            statement.setObject(1, tenant);
            statement.setString(2, pattern);
            List<String> lines = new ArrayList<>();
            for (int run = 0; run < 2; run++) { // the first warms
                lines.clear();
                try (var rs = statement.executeQuery()) {
                    while (rs.next()) {
                        lines.add(rs.getString(1));
                    }
                }
            }
            return "--- inside finding_title_matches:\n" + String.join("\n", lines);
        }
    }

    /**
     * One line about a plan: a sequential scan of the findings or the finding indexes it reads, and for the page whether
     * it sorts the rows (a sort step), reads them in index order and only sorts ties (incremental sort), or neither;
     * sequential scans of the small tables (client, project) in brackets.
     */
    static String verdict(String plan, boolean list) {
        List<String> lines = plan.lines().skip(1).toList();
        Set<String> indexes = new LinkedHashSet<>();
        Matcher using =
                Pattern.compile("(?:using|Bitmap Index Scan on) (finding\\w*)").matcher(plan);
        while (using.find()) {
            indexes.add(using.group(1));
        }
        Set<String> seqTables = new LinkedHashSet<>();
        Matcher seqScan = Pattern.compile("Seq Scan on (\\w+)").matcher(plan);
        while (seqScan.find()) {
            seqTables.add(seqScan.group(1));
        }
        boolean sort = lines.stream()
                .anyMatch(l ->
                        l.matches("\\s*(->\\s+)?Sort\\b.*") && !l.contains("Sort Key") && !l.contains("Sort Method"));
        boolean incremental = lines.stream().anyMatch(l -> l.matches("\\s*(->\\s+)?Incremental Sort\\b.*"));
        String time = lines.stream()
                .filter(l -> l.startsWith("Execution Time"))
                .map(l -> l.replace("Execution Time: ", "").replace(" ms", "ms"))
                .findFirst()
                .orElse("?");
        String how;
        if (plan.contains("Function Scan on finding_title_matches")) {
            // Indexes named here are the ones inside the function (explainTitleMatches).
            how = "title matches "
                    + (indexes.isEmpty() ? "SEQ SCAN finding_search" : "via " + String.join(",", indexes))
                    + (sort ? " + sort" : "");
            seqTables.remove("finding_search");
        } else if (seqTables.remove("finding")) {
            how = "SEQ SCAN finding" + (sort ? " + sort" : "");
        } else if (indexes.isEmpty()) {
            how = "no finding index";
        } else if (list) {
            how = (sort ? "index + SORT STEP" : incremental ? "index order + tie sort" : "index order, no sort") + " "
                    + String.join(",", indexes);
        } else {
            how = "index " + String.join(",", indexes);
        }
        String small = seqTables.isEmpty() ? "" : " [seq " + String.join(",", seqTables) + "]";
        return how + small + " (" + time + ")";
    }

    static String nodes(String plan) {
        return plan.lines()
                .skip(1)
                .filter(l -> !l.startsWith(" ") || l.trim().startsWith("->"))
                .map(l -> l.trim().replaceFirst("^->\\s+", "").replaceFirst("\\s+\\(cost=.*", ""))
                .filter(l -> !l.startsWith("Planning") && !l.startsWith("Execution"))
                .collect(Collectors.joining(" > "));
    }

    // Report --------------------------------------------------------------------------------------------------------

    private String report(List<Result> results, String counts, double seedSeconds, String analyzeNote) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(
                Locale.ROOT,
                "# %s findings lists, one workspace: %s; seeded in %.1f s; %s%n",
                Instant.now().truncatedTo(ChronoUnit.MINUTES),
                counts,
                seedSeconds,
                analyzeNote));
        out.append(String.format(
                Locale.ROOT,
                "# GET /findings and /projects/{id}/findings through MockMvc as a signed-in Admin (security, JDBC session, tenant transaction, count"
                        + " + page query, Thymeleaf cached); %d warm-up + %d timed rounds over all variants; %d cores,"
                        + " load %.2f, java %s; target p95 < %.0f ms%n",
                WARM_UP,
                RUNS,
                Runtime.getRuntime().availableProcessors(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                System.getProperty("java.version"),
                TARGET_P95_MS));
        out.append(String.format(
                Locale.ROOT,
                "%-38s %6s %7s %7s %7s  %-72s %s%n",
                "variant",
                "rows",
                "p50 ms",
                "p95 ms",
                "max ms",
                "page query plan",
                "count query plan"));
        for (Result r : results) {
            out.append(String.format(
                    Locale.ROOT,
                    "%-38s %6d %7.1f %7.1f %7.1f  %-72s %s%s%n",
                    r.variant().label(),
                    r.rows(),
                    r.p50(),
                    r.p95(),
                    r.max(),
                    verdict(r.listPlan(), true),
                    r.countPlan() == null ? "counted in the page query" : verdict(r.countPlan(), false),
                    r.p95() >= TARGET_P95_MS ? "  << p95 over target" : ""));
        }
        return out.toString();
    }

    private static String plans(List<Result> results) {
        StringBuilder out =
                new StringBuilder("\nEXPLAIN (ANALYZE, BUFFERS) as the app role in the tenant transaction\n");
        for (Result r : results) {
            out.append("\n=== ")
                    .append(r.variant().label())
                    .append(" (")
                    .append(r.variant().uri())
                    .append(r.variant().htmx() ? ", htmx" : "");
            out.append(")\n--- nodes: ").append(nodes(r.listPlan())).append('\n');
            out.append(r.listPlan()).append('\n');
            if (r.countPlan() != null) {
                out.append("--- count nodes: ").append(nodes(r.countPlan()));
                out.append('\n').append(r.countPlan()).append('\n');
            }
        }
        return out.toString();
    }
}
