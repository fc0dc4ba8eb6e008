package io.bridgehead.findings;

import static org.assertj.core.api.Assertions.assertThat;

import io.bridgehead.access.PlatformRole;
import io.bridgehead.projects.ProjectRole;
import io.bridgehead.projects.ProjectStatus;
import io.bridgehead.support.ActingAs;
import io.bridgehead.support.IntegrationTest;
import io.bridgehead.support.SignIn;
import io.bridgehead.support.TestClients;
import io.bridgehead.support.TestWorkspaces;
import io.bridgehead.support.TestWorkspaces.TestUser;
import io.bridgehead.support.TestWorkspaces.TestWorkspace;
import jakarta.servlet.http.Cookie;
import java.io.UnsupportedEncodingException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** The findings lists: every filter and sort, search, pages, visibility, overdue. */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FindingListTest {

    static final String SQLI = "SQL injection in login";
    static final String XSS = "Reflected XSS in search";
    static final String VERBOSE = "Verbose errors";
    static final String BAC = "Broken access control";
    static final String HEADERS = "Missing security headers";
    static final String ARCHIVED = "Archived project secret";

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

    TestWorkspace workspace;
    Cookie admin;
    UUID acme;
    UUID globex;
    UUID alpha;
    UUID beta;
    UUID archived;
    UUID sqli;

    @BeforeAll
    void setUp() {
        workspace = testWorkspaces.create("Finding list");
        admin = SignIn.as(mvc, workspace.admin());
        acme = testClients.create(workspace, "Acme");
        globex = testClients.create(workspace, "Globex");
        alpha = testClients.project(workspace, "Alpha web", acme, ProjectStatus.IN_PROGRESS);
        beta = testClients.project(workspace, "Beta api", globex, ProjectStatus.IN_PROGRESS);
        archived = testClients.project(workspace, "Old archived", acme, ProjectStatus.COMPLETED);

        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        sqli = testFindings.create(
                workspace, alpha, SQLI, null, "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"); // 9.8 Critical
        UUID xss = testFindings.create(
                workspace, alpha, XSS, Severity.MEDIUM, "CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N"); // 6.1
        UUID verbose = testFindings.create(workspace, alpha, VERBOSE, Severity.LOW, null);
        testFindings.move(workspace, alpha, verbose, FindingStatus.CLOSED, "");
        UUID bac = testFindings.create(
                workspace, beta, BAC, Severity.HIGH, "CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:N"); // 8.1
        testFindings.move(workspace, beta, bac, FindingStatus.ACCEPTED_RISK, "Internal only");
        UUID headers = testFindings.create(workspace, beta, HEADERS, Severity.INFORMATIONAL, null);
        testFindings.create(workspace, archived, ARCHIVED, Severity.HIGH, null);
        testFindings.archive(workspace, archived);

        testFindings.due(workspace, sqli, today.minusDays(3));
        testFindings.due(workspace, verbose, today.minusDays(10));
        testFindings.due(workspace, bac, today.plusDays(20));
        testFindings.due(workspace, xss, today.plusDays(30));
        testFindings.due(workspace, headers, null);
        testFindings.updatedAt(workspace, sqli, now.minus(5, ChronoUnit.HOURS));
        testFindings.updatedAt(workspace, bac, now.minus(4, ChronoUnit.HOURS));
        testFindings.updatedAt(workspace, xss, now.minus(3, ChronoUnit.HOURS));
        testFindings.updatedAt(workspace, verbose, now.minus(2, ChronoUnit.HOURS));
        testFindings.updatedAt(workspace, headers, now.minus(1, ChronoUnit.HOURS));

        TestWorkspace other = testWorkspaces.create("Other finding list");
        UUID foreignProject = testClients.project(other, "Foreign project", null, ProjectStatus.IN_PROGRESS);
        testFindings.create(other, foreignProject, "Foreign finding", Severity.CRITICAL, null);
    }

    @Test
    void eachSortGivesItsOrder() {
        assertThat(titles(query(null, null, null, null, null, false, FindingSort.SEVERITY)))
                .containsExactly(SQLI, BAC, XSS, VERBOSE, HEADERS);
        assertThat(titles(query(null, null, null, null, null, false, FindingSort.CVSS)))
                .containsExactly(SQLI, BAC, XSS, VERBOSE, HEADERS);
        assertThat(titles(query(null, null, null, null, null, false, FindingSort.STATUS)))
                .containsExactly(SQLI, XSS, HEADERS, BAC, VERBOSE);
        assertThat(titles(query(null, null, null, null, null, false, FindingSort.DUE_DATE)))
                .containsExactly(VERBOSE, SQLI, BAC, XSS, HEADERS);
        assertThat(titles(query(null, null, null, null, null, false, FindingSort.UPDATED)))
                .containsExactly(HEADERS, VERBOSE, XSS, BAC, SQLI);
    }

    @Test
    void eachFilterGivesItsRowsAndArchivedProjectsAreLeftOut() {
        assertThat(titles(query(null, Severity.HIGH, null, null, null, false, null)))
                .containsExactly(BAC);
        assertThat(titles(query(null, null, FindingStatus.OPEN, null, null, false, null)))
                .containsExactly(SQLI, XSS, HEADERS);
        assertThat(titles(query(null, null, null, acme, null, false, null))).containsExactly(SQLI, XSS, VERBOSE);
        assertThat(titles(query(null, null, null, null, beta, false, null))).containsExactly(BAC, HEADERS);
        assertThat(titles(query(null, null, FindingStatus.OPEN, acme, null, false, FindingSort.CVSS)))
                .containsExactly(SQLI, XSS);
        assertThat(titles(query(null, null, null, null, null, true, null))).containsExactly(SQLI);
        assertThat(titles(query(null, null, null, null, archived, false, null)))
                .as("an archived project's own list still shows its findings")
                .containsExactly(ARCHIVED);
    }

    @Test
    void searchMatchesTitlesCaseInsensitivelyAndTakesWildcardsLiterally() {
        assertThat(titles(query("xss", null, null, null, null, false, null))).containsExactly(XSS);
        assertThat(titles(query("  SECURITY ", null, null, null, null, false, null)))
                .containsExactly(HEADERS);
        assertThat(titles(query("%", null, null, null, null, false, null))).isEmpty();
        assertThat(titles(query("in_login", null, null, null, null, false, null)))
                .isEmpty();
    }

    @Test
    void thePageShowsRowsWithProjectIdBadgesAndOverdue() {
        String page = page("/findings?severity=CRITICAL", admin);
        assertThat(page)
                .contains(SQLI)
                .contains("Alpha web")
                .contains("F-1")
                .contains("9.8")
                .contains("sev-critical")
                .contains("Overdue")
                .contains("/projects/" + alpha + "/findings/" + sqli)
                .doesNotContain(BAC)
                .doesNotContain(ARCHIVED)
                .doesNotContain("not available yet");

        String overdue = page("/findings?overdue=true", admin);
        assertThat(overdue).contains(SQLI).doesNotContain(VERBOSE).doesNotContain(XSS);
        assertThat(page("/findings?sort=DUE_DATE", admin)).contains(VERBOSE);
    }

    @Test
    void htmxGetsOnlyTheResultsAndAnEmptyFilterSaysSo() throws Exception {
        MvcTestResult htmx = mvc.get()
                .uri("/findings?q=nothing-like-this")
                .header("HX-Request", "true")
                .cookie(admin)
                .exchange();
        String body = htmx.getResponse().getContentAsString();
        assertThat(body)
                .startsWith("<div id=\"finding-results\"")
                .contains("No finding matches these filters")
                .doesNotContain("<html");
    }

    @Test
    void theProjectPageKeepsItsUrlAndFilters() {
        String page = page("/projects/" + alpha + "/findings?status=OPEN&sort=CVSS", admin);
        assertThat(page)
                .contains("Findings of Alpha web")
                .contains(SQLI)
                .contains(XSS)
                .doesNotContain(VERBOSE);
        assertThat(page).doesNotContain(BAC);
        assertThat(page.indexOf(SQLI)).isLessThan(page.indexOf(XSS));
        assertThat(page("/projects/" + archived + "/findings", admin)).contains(ARCHIVED);
    }

    @Test
    void pagesHoldFiftyAndTheLinksKeepTheFilters() {
        TestWorkspace paged = testWorkspaces.create("Finding pages");
        Cookie pagedAdmin = SignIn.as(mvc, paged.admin());
        UUID project = testClients.project(paged, "Paged", null, ProjectStatus.IN_PROGRESS);
        testFindings.many(paged, project, "Low thing", Severity.LOW, 53);
        testFindings.many(paged, project, "Medium thing", Severity.MEDIUM, 2);

        String first = page("/findings?severity=LOW&q=thing&sort=UPDATED", pagedAdmin);
        assertThat(first).contains("53 findings").contains("Page 1 of 2").doesNotContain("Medium thing");
        assertThat(first.split("name=\"findingIds\"", -1)).hasSize(51);
        assertThat(first).containsPattern("href=\"/findings\\?q=thing&amp;severity=LOW[^\"]*sort=UPDATED&amp;page=1\"");

        String second = page("/findings?severity=LOW&q=thing&sort=UPDATED&page=1", pagedAdmin);
        assertThat(second).contains("Page 2 of 2").doesNotContain("Medium thing");
        assertThat(second.split("name=\"findingIds\"", -1)).hasSize(4);
        assertThat(second).containsPattern("href=\"/findings\\?q=thing&amp;severity=LOW[^\"]*page=0\"");
    }

    @Test
    void aViewerSeesOnlyFindingsOfAssignedProjects() {
        TestUser viewer = testWorkspaces.addUser(workspace, PlatformRole.VIEWER);
        testFindings.assign(workspace, beta, viewer, ProjectRole.REVIEWER);

        List<String> seen = ActingAs.call(
                workspace,
                viewer,
                () -> search.search(FindingQuery.all()).stream()
                        .map(FindingListing::title)
                        .toList());
        assertThat(seen).containsExactly(BAC, HEADERS);

        Cookie viewerSession = SignIn.as(mvc, viewer);
        assertThat(page("/findings", viewerSession))
                .contains(BAC)
                .doesNotContain(SQLI)
                .doesNotContain("name=\"findingIds\"")
                .doesNotContain("Alpha web");
        assertThat(mvc.get().uri("/findings?projectId=" + alpha).cookie(viewerSession))
                .hasStatus(404);
        assertThat(mvc.get().uri("/projects/" + alpha + "/findings").cookie(viewerSession))
                .hasStatus(404);
    }

    @Test
    void anotherWorkspacesFindingsNeverAppear() {
        assertThat(titles(query(null, null, null, null, null, false, null))).doesNotContain("Foreign finding");
        assertThat(page("/findings?q=Foreign", admin)).doesNotContain("Foreign finding");
    }

    private FindingQuery query(
            String q,
            Severity severity,
            FindingStatus status,
            UUID clientId,
            UUID projectId,
            boolean overdue,
            FindingSort sort) {
        return new FindingQuery(q, severity, status, clientId, projectId, overdue, sort, 0);
    }

    private List<String> titles(FindingQuery query) {
        return ActingAs.call(
                workspace,
                workspace.admin(),
                () -> search.search(query).stream().map(FindingListing::title).toList());
    }

    private String page(String url, Cookie session) {
        try {
            MvcTestResult result = mvc.get().uri(url).cookie(session).exchange();
            assertThat(result).hasStatusOk();
            return result.getResponse().getContentAsString();
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }
}
