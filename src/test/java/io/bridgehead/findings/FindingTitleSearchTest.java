package io.bridgehead.findings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bridgehead.projects.ProjectStatus;
import io.bridgehead.shared.tenant.ScopedTransactions;
import io.bridgehead.support.ActingAs;
import io.bridgehead.support.IntegrationTest;
import io.bridgehead.support.SignIn;
import io.bridgehead.support.TestClients;
import io.bridgehead.support.TestWorkspaces;
import io.bridgehead.support.TestWorkspaces.TestWorkspace;
import jakarta.servlet.http.Cookie;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * Title search reads finding_search through the security definer function finding_title_matches (V18), outside the
 * table's row-level security. These tests attack that path: another workspace's titles never come back, however the
 * function is called, the application role cannot touch the table itself, and the copy follows every change.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FindingTitleSearchTest {

    static final String SECRET = "Merger data room exposed";

    @Autowired
    MockMvcTester mvc;

    @Autowired
    TestWorkspaces testWorkspaces;

    @Autowired
    TestClients testClients;

    @Autowired
    TestFindings testFindings;

    @Autowired
    FindingSearch search;

    @Autowired
    Findings findings;

    @Autowired
    ScopedTransactions transactions;

    @Autowired
    JdbcTemplate jdbc;

    TestWorkspace a;
    TestWorkspace b;
    Cookie adminOfA;
    UUID projectOfA;
    UUID projectOfB;

    @BeforeAll
    void setUp() {
        a = testWorkspaces.create("Search A");
        b = testWorkspaces.create("Search B");
        adminOfA = SignIn.as(mvc, a.admin());
        projectOfA = testClients.project(a, "Web shop", null, ProjectStatus.IN_PROGRESS);
        projectOfB = testClients.project(b, "Takeover", null, ProjectStatus.IN_PROGRESS);
        testFindings.create(a, projectOfA, "SQL injection in checkout", Severity.HIGH, null);
        testFindings.create(b, projectOfB, SECRET, Severity.CRITICAL, null);
        testFindings.create(b, projectOfB, "SQL injection in merger portal", Severity.HIGH, null);
    }

    @Test
    void anotherWorkspacesTitlesNeverComeBackFromTheListOrTheFunction() {
        assertThat(titlesAs(a, "merger")).isEmpty();
        assertThat(titlesAs(a, "sql injection")).containsExactly("SQL injection in checkout");
        assertThat(titlesAs(b, "merger")).containsExactlyInAnyOrder(SECRET, "SQL injection in merger portal");
        assertThat(mvc.get().uri("/findings?q=merger").cookie(adminOfA))
                .hasStatusOk()
                .bodyText()
                .doesNotContain(SECRET)
                .contains("No finding matches these filters");

        // Called directly by the application role, with patterns that match everything.
        assertThat(matchesAs(a, "%")).containsExactly("SQL injection in checkout");
        assertThat(matchesAs(a, "%merger%")).isEmpty();
        assertThat(matchesAs(b, "%")).hasSize(2);
    }

    @Test
    void textTooShortForATrigramSearchesTheTitlesThemselvesInTheWorkspaceOnly() {
        assertThat(FindingListQuery.readsTitleMatches(query("me"))).isFalse();
        assertThat(FindingListQuery.readsTitleMatches(query("mer"))).isTrue();
        assertThat(titlesAs(a, "me")).isEmpty();
        assertThat(titlesAs(b, "me")).containsExactlyInAnyOrder(SECRET, "SQL injection in merger portal");
        assertThat(titlesAs(a, "in")).containsExactly("SQL injection in checkout");
    }

    @Test
    void aPageOfASearchCarriesTheNumberOfMatchesEvenPastTheEnd() {
        var first = ActingAs.call(
                b, b.admin(), () -> search.search(new FindingQuery("merger", null, null, null, null, false, null, 0)));
        assertThat(first.getTotalElements()).isEqualTo(2);
        var pastTheEnd = ActingAs.call(
                b, b.admin(), () -> search.search(new FindingQuery("merger", null, null, null, null, false, null, 3)));
        assertThat(pastTheEnd.getContent()).isEmpty();
        assertThat(pastTheEnd.getTotalElements()).isEqualTo(2);
    }

    @Test
    void withoutAWorkspaceTheFunctionReturnsNothing() {
        assertThat(transactions.readAsSystem(
                        () -> jdbc.queryForList("select title from finding_title_matches('%')", String.class)))
                .isEmpty();
    }

    @Test
    void typedTextIsOnlyEverATitleFragment() {
        assertThat(titlesAs(a, "%")).isEmpty();
        assertThat(titlesAs(a, "_")).isEmpty();
        assertThat(titlesAs(a, "' or ''='")).isEmpty();
        assertThat(titlesAs(a, "%') or true --")).isEmpty();
    }

    @Test
    void theApplicationRoleCannotReadOrChangeTheSearchCopy() {
        for (String sql : List.of(
                "select count(*) from finding_search",
                "update finding_search set title = 'x'",
                "delete from finding_search",
                "insert into finding_search (tenant_id, id, project_id, ref, title, severity, status, updated_at)"
                        + " select tenant_id, gen_random_uuid(), project_id, 999, 'x', 'LOW', 'OPEN', now()"
                        + " from finding limit 1")) {
            assertThatThrownBy(() -> transactions.writeAs(a.id(), () -> jdbc.queryForList(sql)))
                    .as(sql)
                    .isInstanceOf(DataAccessException.class)
                    .rootCause()
                    .hasMessageContaining("permission denied for table finding_search");
        }
    }

    @Test
    void theSearchCopyIsTheOnlyTenantTableOutsideForcedSecurityAndOnlyItsFunctionIsGranted() {
        assertThat(jdbc.queryForList(
                        "select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace"
                                + " where n.nspname = 'public' and c.relkind in ('r', 'p')"
                                + " and exists (select 1 from pg_attribute a where a.attrelid = c.oid"
                                + " and a.attname = 'tenant_id' and not a.attisdropped)"
                                + " and not (c.relrowsecurity and c.relforcerowsecurity)",
                        String.class))
                .containsExactly("finding_search");
        assertThat(jdbc.queryForObject(
                        "select has_table_privilege('finding_search', 'select, insert, update, delete, truncate,"
                                + " references, trigger')",
                        Boolean.class))
                .isFalse();
        assertThat(jdbc.queryForObject(
                        "select has_function_privilege('finding_search_inserted()', 'execute')"
                                + " or has_function_privilege('finding_search_updated()', 'execute')",
                        Boolean.class))
                .isFalse();
        // Security definer functions with a fixed search path, so nothing the caller creates can stand in for
        // pg_catalog.
        assertThat(jdbc.queryForList(
                        "select proname from pg_proc where prosecdef and not ('search_path=pg_catalog, pg_temp' ="
                                + " any (proconfig)) and pronamespace = 'public'::regnamespace",
                        String.class))
                .isEmpty();
    }

    @Test
    void theSearchFollowsNewEditedClosedAndDeletedFindings() {
        UUID finding = testFindings.create(a, projectOfA, "Open redirect in login", Severity.MEDIUM, null);
        assertThat(titlesAs(a, "redirect")).containsExactly("Open redirect in login");

        FindingForm form = ActingAs.call(a, a.admin(), () -> findings.editForm(projectOfA, finding));
        int version = ActingAs.call(
                a, a.admin(), () -> findings.get(projectOfA, finding).version());
        FindingForm renamed = new FindingForm(
                "Unvalidated forward in login",
                Severity.LOW,
                form.cvss31Vector(),
                form.cvss40Vector(),
                form.cvss40Score(),
                form.description(),
                form.impact(),
                form.remediation(),
                form.technicalDetails(),
                form.referenceLinks(),
                form.internalNotes(),
                form.dueDate(),
                form.assetIds());
        ActingAs.run(a, a.admin(), () -> findings.update(projectOfA, finding, renamed, version));
        assertThat(titlesAs(a, "redirect")).isEmpty();
        assertThat(search("forward", a).getContent())
                .singleElement()
                .satisfies(row -> assertThat(row.severity()).isEqualTo(Severity.LOW));

        testFindings.move(a, projectOfA, finding, FindingStatus.CLOSED, "Fixed");
        assertThat(ActingAs.call(
                        a,
                        a.admin(),
                        () -> search.search(
                                new FindingQuery("forward", null, FindingStatus.CLOSED, null, null, false, null, 0))))
                .extracting(FindingListing::title)
                .containsExactly("Unvalidated forward in login");

        transactions.writeAs(a.id(), () -> jdbc.update("delete from finding where id = ?", finding));
        assertThat(titlesAs(a, "forward")).isEmpty();
    }

    private static FindingQuery query(String q) {
        return new FindingQuery(q, null, null, null, null, false, null, 0);
    }

    private List<String> titlesAs(TestWorkspace workspace, String q) {
        return search(q, workspace).stream().map(FindingListing::title).toList();
    }

    private org.springframework.data.domain.Page<FindingListing> search(String q, TestWorkspace workspace) {
        return ActingAs.call(
                workspace,
                workspace.admin(),
                () -> search.search(new FindingQuery(q, null, null, null, null, false, null, 0)));
    }

    private List<String> matchesAs(TestWorkspace workspace, String pattern) {
        return transactions.readAs(
                workspace.id(),
                () -> jdbc.queryForList("select title from finding_title_matches(?)", String.class, pattern));
    }
}
