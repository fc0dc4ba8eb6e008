package io.bridgehead.clients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

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
import java.sql.SQLWarning;
import java.sql.Statement;
import java.time.Instant;
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
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * The client list with 10,000 clients and 100,000 projects in one workspace: p50/p95/max of the list page through the
 * real web layer (security, session, tenant transaction, SQL, Thymeleaf) for each sort and the main filters, plus
 * {@code EXPLAIN (ANALYZE, BUFFERS)} of the SQL that {@link ClientListQuery} generates. Prints a table, appends it to
 * {@code bench/results.txt} and writes the full plans to {@code target/bench/client-list.txt}. Asserts no time.
 *
 * <p>Not part of {@code mvn verify} (tag {@code benchmark}); run it with {@code bench/client-list.sh}.
 */
@Tag("benchmark")
@SpringBootTest(
        properties = {
            "bridgehead.embedded-db.database=client_list_bench",
            // As in production: templates parsed once (the test profile turns the cache off).
            "spring.thymeleaf.cache=true",
            "logging.level.root=WARN"
        })
@AutoConfigureMockMvc
@ActiveProfiles("test")
class ClientListBenchmark {

    static final int CLIENTS = 10_000;
    static final int PROJECTS = 100_000;
    static final int WARM_UP = Integer.getInteger("bench.warmup", 50);
    static final int RUNS = Integer.getInteger("bench.runs", 200);
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

    /** One measured request: a label, the query string of the page, and the same query for EXPLAIN. */
    record Variant(String label, String queryString, ClientQuery query) {}

    record Result(Variant variant, long rows, double p50, double p95, double max, String listPlan, String countPlan) {}

    @Test
    void listPageWithTenThousandClients() throws Exception {
        TestWorkspace workspace = testWorkspaces.create("List benchmark");
        long seedStart = System.nanoTime();
        seed(workspace);
        double seedSeconds = (System.nanoTime() - seedStart) / 1e9;
        String analyzeNote = analyze(workspace.id());
        String counts = transactions.readAs(
                workspace.id(),
                () -> jdbc.queryForObject(
                        "select format('%s clients (%s archived, %s without active projects), %s projects (%s"
                                + " unassigned, %s active); most active projects on one client: %s',"
                                + " (select count(*) from client), (select count(*) from client where archived_at is"
                                + " not null), (select count(*) from client where active_projects = 0), (select"
                                + " count(*) from project), (select count(*) from project where client_id is null),"
                                + " (select count(*) from project where status <> 'COMPLETED'), (select"
                                + " max(active_projects) from client))",
                        String.class));

        Cookie admin = SignIn.as(tester, workspace.admin());
        List<Result> results = measure(workspace.id(), admin, variants());
        String report = report(results, counts, seedSeconds, analyzeNote);
        System.out.println(report);
        Path full = Path.of("target/bench/client-list.txt");
        Files.createDirectories(full.getParent());
        Files.writeString(full, report + "\n" + plans(results), StandardCharsets.UTF_8);
        Path appended = Path.of("bench/results.txt");
        Files.createDirectories(appended.toAbsolutePath().getParent());
        Files.writeString(
                appended, report + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    // Variants ------------------------------------------------------------------------------------------------------

    private static List<Variant> variants() {
        List<Variant> variants = new ArrayList<>();
        for (ClientSort sort : ClientSort.values()) {
            variants.add(new Variant(
                    "sort " + sort.name(),
                    "sort=" + sort.name(),
                    new ClientQuery(null, null, null, null, sort, 0, false)));
        }
        variants.add(new Variant(
                "sort NAME_ASC, results only (htmx)",
                "sort=NAME_ASC&htmx",
                new ClientQuery(null, null, null, null, ClientSort.NAME_ASC, 0, false)));
        variants.add(new Variant(
                "industry FINANCE",
                "industry=FINANCE",
                new ClientQuery(null, Industry.FINANCE, null, null, null, 0, false)));
        variants.add(new Variant(
                "industry EDUCATION (rare)",
                "industry=EDUCATION",
                new ClientQuery(null, Industry.EDUCATION, null, null, null, 0, false)));
        variants.add(new Variant(
                "status INACTIVE",
                "status=INACTIVE",
                new ClientQuery(null, null, ClientStatus.INACTIVE, null, null, 0, false)));
        variants.add(new Variant(
                "with active projects", "projects=with", new ClientQuery(null, null, null, "with", null, 0, false)));
        variants.add(new Variant(
                "without active projects",
                "projects=without",
                new ClientQuery(null, null, null, "without", null, 0, false)));
        variants.add(new Variant(
                "industry+status+with, by activity",
                "industry=HEALTHCARE&status=ACTIVE&projects=with&sort=ACTIVITY_RECENT",
                new ClientQuery(
                        null, Industry.HEALTHCARE, ClientStatus.ACTIVE, "with", ClientSort.ACTIVITY_RECENT, 0, false)));
        variants.add(new Variant(
                "search name \"nakatomi\"",
                "q=nakatomi",
                new ClientQuery("nakatomi", null, null, null, null, 0, false)));
        variants.add(new Variant(
                "search rare \"wonka labs 9\" (htmx)",
                "q=wonka+labs+9&htmx",
                new ClientQuery("wonka labs 9", null, null, null, null, 0, false)));
        variants.add(new Variant(
                "search ext. ref \"crm-1042\"",
                "q=crm-1042",
                new ClientQuery("crm-1042", null, null, null, null, 0, false)));
        variants.add(new Variant(
                "page 100 (name A-Z)", "page=100", new ClientQuery(null, null, null, null, null, 100, false)));
        variants.add(new Variant(
                "page 100 (most projects)",
                "page=100&sort=PROJECTS_MOST",
                new ClientQuery(null, null, null, null, ClientSort.PROJECTS_MOST, 100, false)));
        variants.add(new Variant("archived", "archived=true", new ClientQuery(null, null, null, null, null, 0, true)));
        return variants;
    }

    // Seeding -------------------------------------------------------------------------------------------------------

    /** Set-based inserts in the workspace's own transaction, so row-level security checks every row. */
    private void seed(TestWorkspace workspace) {
        MapSqlParameterSource params = new MapSqlParameterSource()
                .addValue("tenant", workspace.id())
                .addValue("admin", workspace.admin().id())
                .addValue("clients", CLIENTS)
                .addValue("projects", PROJECTS);
        transactions.writeAs(workspace.id(), () -> {
            jdbc.queryForObject("select setseed(0.42)", Object.class);
            named.update("""
                    with src as (
                        select g,
                               (array['Northwind', 'Contoso', 'Fabrikam', 'Globex', 'Initech', 'Umbrella', 'Stark',
                                      'Wayne', 'Acme', 'Tyrell', 'Cyberdyne', 'Soylent', 'Hooli', 'Vandelay', 'Wonka',
                                      'Aperture', 'Black Mesa', 'Oceanic', 'Massive Dynamic', 'Pied Piper', 'Blue Sun',
                                      'Gringotts', 'Monarch', 'Dunder Mifflin', 'Sterling Cooper', 'Prestige',
                                      'Virtucon', 'Gekko', 'Nakatomi', 'Weyland'])[1 + (g * 7919) % 30] as brand,
                               (array['Bank', 'Insurance', 'Health', 'Clinics', 'Logistics', 'Energy', 'Telecom',
                                      'Retail', 'Foods', 'Labs', 'Systems', 'Capital', 'Holdings', 'Partners',
                                      'Pharma', 'Motors', 'Airlines', 'Media', 'Legal', 'University'])
                                      [1 + (g * 104729) % 20] as kind,
                               random() as r_industry, random() as r_skew, random() as r_ref, random() as r_status,
                               now() - random() * interval '730 days' as created
                        from generate_series(1, :clients) g
                    )
                    insert into client (tenant_id, id, name, contact_email, industry, industry_other, website,
                                        external_ref, status, active_projects, logo_version, created_at,
                                        last_activity_at, archived_at)
                    select :tenant, gen_random_uuid(),
                           brand || ' ' || kind || ' ' || g,
                           'security' || g || '@' || lower(replace(brand, ' ', '-')) || '.test',
                           industry,
                           case when industry = 'OTHER' then 'Maritime' end,
                           'https://' || lower(replace(brand, ' ', '')) || g || '.test',
                           case when r_ref < 0.6 then 'CRM-' || (100000 + g) end,
                           case when r_status < 0.12 then 'INACTIVE' else 'ACTIVE' end,
                           0, 0, created,
                           created + random() * (now() - created),
                           case when g % 20 = 0 then created + random() * (now() - created) end
                    from (select src.*,
                                 case when r_industry < 0.08 then null
                                      else (array['FINANCE', 'INSURANCE', 'HEALTHCARE', 'GOVERNMENT', 'TECHNOLOGY',
                                                  'TELECOM', 'RETAIL', 'MANUFACTURING', 'ENERGY', 'LEGAL',
                                                  'OTHER', 'EDUCATION'])[1 + floor(power(r_skew, 1.6) * 12)::int]
                                 end as industry
                          from src) s
                    """, params);
            // 10% unassigned; the rest spread unevenly over 70% of the clients (in random order), so some clients
            // have hundreds of projects and about 30% have none.
            named.update("""
                    with numbered as (
                        select id, row_number() over (order by md5(id::text)) as rn from client where tenant_id = :tenant
                    ), pick as (
                        select g, random() as r, random() as s, now() - random() * interval '730 days' as created,
                               random() as u
                        from generate_series(1, :projects) g
                    ), chosen as (
                        select pick.*,
                               case when r < 0.1 then null
                                    else 1 + floor(0.7 * :clients * power((r - 0.1) / 0.9, 2))::int end as k
                        from pick
                    )
                    insert into project (tenant_id, id, name, client_id, status, start_date, end_date, created_by,
                                         created_at, updated_at)
                    select :tenant, gen_random_uuid(),
                           (array['External penetration test', 'Internal network test', 'Web application test',
                                  'Mobile app test', 'Cloud configuration review', 'Red team exercise',
                                  'Phishing campaign', 'API security test', 'Retest', 'Source code review'])
                                  [1 + g % 10] || ' ' || g,
                           n.id,
                           case when s < 0.6 then 'COMPLETED' when s < 0.7 then 'PLANNED'
                                when s < 0.8 then 'IN_PROGRESS' when s < 0.87 then 'REPORTING'
                                when s < 0.94 then 'REMEDIATION' else 'RETEST' end,
                           (created + interval '7 days')::date,
                           (created + interval '7 days')::date + 1 + g % 20,
                           :admin, created, created + u * (now() - created)
                    from chosen left join numbered n on n.rn = chosen.k
                    """, params);
            named.update("""
                    update client c
                    set active_projects = a.active,
                        last_activity_at = greatest(c.last_activity_at, a.last_update)
                    from (select client_id, count(*) filter (where status <> 'COMPLETED') as active,
                                 max(updated_at) as last_update
                          from project where tenant_id = :tenant and client_id is not null group by client_id) a
                    where c.tenant_id = :tenant and c.id = a.client_id
                    """, params);
            return null;
        });
    }

    /**
     * ANALYZE as the application role (PostgreSQL skips tables it does not own, with a warning), then VACUUM ANALYZE
     * as the owner (Flyway's credentials), as autovacuum would do in production.
     */
    private String analyze(UUID tenant) throws SQLException {
        String asApp = transactions.writeAs(
                tenant,
                () -> jdbc.execute((ConnectionCallback<String>) connection -> {
                    try (Statement statement = connection.createStatement()) {
                        statement.execute("analyze client, project");
                        SQLWarning warning = statement.getWarnings();
                        return warning == null ? "ok" : warning.getMessage();
                    }
                }));
        try (Connection owner = DriverManager.getConnection(
                        environment.getRequiredProperty("spring.flyway.url"),
                        environment.getRequiredProperty("spring.flyway.user"),
                        environment.getRequiredProperty("spring.flyway.password"));
                Statement statement = owner.createStatement()) {
            statement.execute("vacuum analyze client");
            statement.execute("vacuum analyze project");
            try (var rs = statement.executeQuery("select string_agg(format('%s %s/%s pages all-visible', relname,"
                    + " relallvisible, relpages), ', ') from pg_class where relname in ('client', 'project')")) {
                rs.next();
                return "ANALYZE as app role: " + asApp + "; VACUUM ANALYZE as owner: " + rs.getString(1);
            }
        }
    }

    // Measuring -----------------------------------------------------------------------------------------------------

    /**
     * Round-robin over the variants (warm-up rounds first), so that a burst of load from elsewhere on the machine, or
     * the JIT still compiling, spreads over all variants instead of landing on one.
     */
    private List<Result> measure(UUID tenant, Cookie admin, List<Variant> variants) throws Exception {
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
            List<String> plans = explain(tenant, variants.get(v).query());
            results.add(new Result(
                    variants.get(v),
                    rows[v],
                    percentile(sorted, 50),
                    percentile(sorted, 95),
                    sorted[sorted.length - 1],
                    plans.get(1),
                    plans.get(0)));
        }
        return results;
    }

    private MockHttpServletResponse request(Variant variant, Cookie admin) throws Exception {
        boolean htmx = variant.queryString().endsWith("&htmx");
        String uri = "/clients?" + variant.queryString().replace("&htmx", "");
        return request(uri, admin, htmx);
    }

    private MockHttpServletResponse request(String uri, Cookie admin, boolean htmx) throws Exception {
        var request = get(uri).cookie(admin).header("Accept", "text/html");
        if (htmx) {
            request = request.header("HX-Request", "true");
        }
        return mvc.perform(request).andReturn().getResponse();
    }

    private static long rowsShown(String html) {
        Matcher matcher = Pattern.compile("(\\d+) clients?<").matcher(html);
        return matcher.find() ? Long.parseLong(matcher.group(1)) : -1;
    }

    private static double percentile(double[] sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(index, sorted.length - 1))];
    }

    // EXPLAIN -------------------------------------------------------------------------------------------------------

    /** The count and list SQL exactly as ClientListQuery sends them, explained as the app role in the tenant. */
    private List<String> explain(UUID tenant, ClientQuery query) {
        RecordingJdbcTemplate recording = new RecordingJdbcTemplate(jdbc);
        transactions.readAs(tenant, () -> new ClientListQuery(recording).run(tenant, query, Optional.empty()));
        return transactions.readAs(tenant, () -> {
            List<String> plans = new ArrayList<>();
            for (int i = 0; i < recording.sql.size(); i++) {
                String sql = "explain (analyze, buffers) " + recording.sql.get(i);
                named.queryForList(sql, recording.params.get(i), String.class); // warm
                plans.add(recording.sql.get(i) + "\n"
                        + String.join("\n", named.queryForList(sql, recording.params.get(i), String.class)));
            }
            return plans;
        });
    }

    /** One line about a plan: its node chain, the indexes used, whether a sort step or a sequential scan appears. */
    static String verdict(String plan, boolean list) {
        List<String> lines = plan.lines().skip(1).toList();
        Set<String> indexes = new LinkedHashSet<>();
        Matcher using = Pattern.compile("using (\\w+) on").matcher(plan);
        while (using.find()) {
            indexes.add(using.group(1));
        }
        boolean seq = plan.contains("Seq Scan");
        boolean sort = lines.stream()
                .anyMatch(l -> l.matches("\\s*(->\\s+)?(Incremental )?Sort\\b.*")
                        && !l.contains("Sort Key")
                        && !l.contains("Sort Method"));
        String time = lines.stream()
                .filter(l -> l.startsWith("Execution Time"))
                .map(l -> l.replace("Execution Time: ", "").replace(" ms", "ms"))
                .findFirst()
                .orElse("?");
        String how;
        if (seq) {
            how = "SEQ SCAN" + (sort ? " + sort" : "");
        } else if (indexes.isEmpty()) {
            how = "no index";
        } else if (list) {
            how = (sort ? "index + SORT STEP" : "index order, no sort") + " " + String.join(",", indexes);
        } else {
            how = "index " + String.join(",", indexes);
        }
        return how + " (" + time + ")";
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
                "# %s client list, one workspace: %s; seeded in %.1f s; %s%n",
                Instant.now().truncatedTo(ChronoUnit.MINUTES),
                counts,
                seedSeconds,
                analyzeNote));
        out.append(String.format(
                Locale.ROOT,
                "# GET /clients through MockMvc as a signed-in Admin (security, JDBC session, tenant transaction, count"
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
                "%-36s %6s %7s %7s %7s  %-60s %s%n",
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
                    "%-36s %6d %7.1f %7.1f %7.1f  %-60s %s%s%n",
                    r.variant().label(),
                    r.rows(),
                    r.p50(),
                    r.p95(),
                    r.max(),
                    verdict(r.listPlan(), true),
                    verdict(r.countPlan(), false),
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
                    .append(r.variant().queryString());
            out.append(")\n--- nodes: ").append(nodes(r.listPlan())).append('\n');
            out.append(r.listPlan()).append("\n--- count nodes: ").append(nodes(r.countPlan()));
            out.append('\n').append(r.countPlan()).append('\n');
        }
        return out.toString();
    }
}
