package io.bridgehead.clients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import io.bridgehead.projects.ProjectStatus;
import io.bridgehead.support.Html;
import io.bridgehead.support.IntegrationTest;
import io.bridgehead.support.SignIn;
import io.bridgehead.support.TestClients;
import io.bridgehead.support.TestWorkspaces;
import io.bridgehead.support.TestWorkspaces.TestWorkspace;
import jakarta.servlet.http.Cookie;
import java.net.URI;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClientListTest {

    private static final Pattern ROW_NAME = Pattern.compile("<td><a href=\"/clients/[0-9a-f-]{36}\">([^<]*)</a>");

    @Autowired
    MockMvcTester mvc;

    @Autowired
    TestWorkspaces testWorkspaces;

    @Autowired
    TestClients testClients;

    TestWorkspace workspace;
    Cookie admin;

    @BeforeAll
    void setUp() {
        workspace = testWorkspaces.create("Client list");
        admin = SignIn.as(mvc, workspace.admin());
    }

    @Test
    void rowShowsNameContactEmailActiveProjectsAndLastActivity() {
        UUID id = testClients.create(workspace, "Rowtest Harbour");
        testClients.project(workspace, "Harbour web test", id, ProjectStatus.IN_PROGRESS);
        testClients.project(workspace, "Harbour retest", id, ProjectStatus.RETEST);
        testClients.project(workspace, "Harbour 2024", id, ProjectStatus.COMPLETED);
        String lastActivity = DateTimeFormatter.ofPattern("yyyy-MM-dd")
                .withZone(ZoneOffset.UTC)
                .format(testClients.lastActivity(workspace, id));

        String page = results("q=Rowtest");

        assertThat(page)
                .containsPattern("<a href=\"/clients/" + id + "\">Rowtest Harbour</a>[\\s\\S]*?</td>"
                        + "\\s*<td>security@rowtestharbour\\.test</td>\\s*<td>2</td>\\s*<td>" + lastActivity
                        + "</td>");
    }

    @Test
    void eachSortGivesItsOrder() {
        UUID bravo = testClients.create(workspace, "Sorty Bravo");
        UUID charlie = testClients.create(workspace, "Sorty Charlie");
        UUID alpha = testClients.create(workspace, "Sorty alpha");
        testClients.project(workspace, "Bravo one", bravo, ProjectStatus.PLANNED);
        testClients.project(workspace, "Bravo two", bravo, ProjectStatus.REPORTING);
        testClients.project(workspace, "Charlie one", charlie, ProjectStatus.IN_PROGRESS);
        addNote(alpha, "Called them");
        addNote(charlie, "Sent the proposal");

        assertThat(names("q=Sorty")).containsExactly("Sorty alpha", "Sorty Bravo", "Sorty Charlie");
        assertThat(names("q=Sorty&sort=NAME_ASC")).containsExactly("Sorty alpha", "Sorty Bravo", "Sorty Charlie");
        assertThat(names("q=Sorty&sort=NAME_DESC")).containsExactly("Sorty Charlie", "Sorty Bravo", "Sorty alpha");
        assertThat(names("q=Sorty&sort=CREATED_NEWEST")).containsExactly("Sorty alpha", "Sorty Charlie", "Sorty Bravo");
        assertThat(names("q=Sorty&sort=ACTIVITY_RECENT"))
                .containsExactly("Sorty Charlie", "Sorty alpha", "Sorty Bravo");
        assertThat(names("q=Sorty&sort=PROJECTS_MOST")).containsExactly("Sorty Bravo", "Sorty Charlie", "Sorty alpha");
    }

    @Test
    void filtersByIndustryStatusAndActiveProjects_andTheyCombine() {
        UUID bank = testClients.create(
                workspace, TestClients.form("Filt Bank", Industry.FINANCE, ClientStatus.ACTIVE, null));
        testClients.create(
                workspace, TestClients.form("Filt Clinic", Industry.HEALTHCARE, ClientStatus.INACTIVE, null));
        UUID insurer = testClients.create(
                workspace, TestClients.form("Filt Insurer", Industry.FINANCE, ClientStatus.INACTIVE, null));
        testClients.create(workspace, TestClients.form("Filt Shop", Industry.RETAIL, ClientStatus.ACTIVE, null));
        testClients.project(workspace, "Bank pentest", bank, ProjectStatus.IN_PROGRESS);
        testClients.project(workspace, "Insurer audit 2023", insurer, ProjectStatus.COMPLETED);

        assertThat(names("q=Filt&industry=FINANCE")).containsExactly("Filt Bank", "Filt Insurer");
        assertThat(names("q=Filt&status=ACTIVE")).containsExactly("Filt Bank", "Filt Shop");
        assertThat(names("q=Filt&status=INACTIVE")).containsExactly("Filt Clinic", "Filt Insurer");
        assertThat(names("q=Filt&projects=with")).containsExactly("Filt Bank");
        assertThat(names("q=Filt&projects=without")).containsExactly("Filt Clinic", "Filt Insurer", "Filt Shop");
        assertThat(names("q=Filt&industry=FINANCE&status=INACTIVE&projects=without"))
                .containsExactly("Filt Insurer");
        assertThat(names("q=Filt&industry=FINANCE&status=ACTIVE&projects=with")).containsExactly("Filt Bank");
        assertThat(results("q=Filt&industry=HEALTHCARE&status=ACTIVE"))
                .contains("No client matches these filters.")
                .contains("0 clients");
    }

    @Test
    void searchFindsNamePartsAndExternalReferencesIgnoringCase() {
        testClients.create(
                workspace, TestClients.form("Northwind Traders", Industry.RETAIL, ClientStatus.ACTIVE, "CRM-00417"));
        testClients.create(
                workspace, TestClients.form("Southwind Mills", Industry.ENERGY, ClientStatus.ACTIVE, "CRM-00999"));

        assertThat(names("q=northWIND")).containsExactly("Northwind Traders");
        assertThat(names("q=WIND%20trad")).containsExactly("Northwind Traders");
        assertThat(names("q=crm-004")).containsExactly("Northwind Traders");
        assertThat(names("q=wind")).containsExactly("Northwind Traders", "Southwind Mills");
        assertThat(names("q=Eastwind")).isEmpty();
    }

    @Test
    void percentAndUnderscoreTypedByTheUserAreLiteral() {
        testClients.create(workspace, "Literal 100% Secure");
        testClients.create(workspace, "Literal 1000 Secure");
        testClients.create(workspace, "Literal a_b");
        testClients.create(workspace, "Literal axb");

        assertThat(names("q=100%25")).containsExactly("Literal 100% Secure");
        assertThat(names("q=a_b")).containsExactly("Literal a_b");
        assertThat(names("q=0%25%20s")).containsExactly("Literal 100% Secure");
        assertThat(names("q=Literal%20%25")).isEmpty();
        assertThat(names("q=%25")).containsExactly("Literal 100% Secure");
    }

    @Test
    void htmxRequestGetsOnlyTheResultsFragment() {
        testClients.create(workspace, "Fragment Co");

        String fragment = results("q=Fragment");
        String page = Html.of(mvc.get().uri("/clients?q=Fragment").cookie(admin).exchange());

        assertThat(fragment)
                .startsWith("<div id=\"client-results\"")
                .contains("Fragment Co")
                .doesNotContain("<html")
                .doesNotContain("<form")
                .doesNotContain("<nav class=\"tabs\"");
        assertThat(page).contains("<html").contains("role=\"search\"").contains("Fragment Co");
    }

    @Test
    void secondPageLinkKeepsTheFilters() {
        for (int i = 1; i <= 27; i++) {
            testClients.create(
                    workspace,
                    TestClients.form("Paged %02d".formatted(i), Industry.EDUCATION, ClientStatus.ACTIVE, null));
        }
        testClients.create(workspace, TestClients.form("Paged other", Industry.LEGAL, ClientStatus.ACTIVE, null));

        String first = results("q=Paged&industry=EDUCATION&sort=NAME_DESC");

        assertThat(first).contains("27 clients").contains("Page 1 of 2");
        assertThat(names(first)).hasSize(25).startsWith("Paged 27").endsWith("Paged 03");
        Matcher next = Pattern.compile("<a href=\"([^\"]+)\">Next →</a>").matcher(first);
        assertThat(next.find()).as("Next link").isTrue();
        String href = next.group(1).replace("&amp;", "&");
        assertThat(href)
                .startsWith("/clients?")
                .contains("q=Paged")
                .contains("industry=EDUCATION")
                .contains("sort=NAME_DESC")
                .contains("page=1");

        String second = Html.of(mvc.get().uri(URI.create(href)).cookie(admin).exchange());
        assertThat(second).contains("Page 2 of 2").contains("← Previous");
        assertThat(names(second)).containsExactly("Paged 02", "Paged 01");
    }

    @Test
    void emptyWorkspaceOffersNewClient() {
        TestWorkspace empty = testWorkspaces.create("Empty list");
        Cookie session = SignIn.as(mvc, empty.admin());

        String fragment = Html.of(mvc.get()
                .uri("/clients")
                .header("HX-Request", "true")
                .cookie(session)
                .exchange());

        assertThat(fragment)
                .contains("No clients yet.")
                .contains("<a class=\"btn\" href=\"/clients/new\">+ New Client</a>");
    }

    @Test
    void archivedClientsLeaveTheMainListAndAreListedApartWithRestore() {
        UUID archived = testClients.create(workspace, "Shelved Archive Ltd");
        testClients.create(workspace, "Shelved Current Ltd");
        testClients.archive(workspace, archived);

        assertThat(names("q=Shelved")).containsExactly("Shelved Current Ltd");
        String archivedList = results("archived=true");
        assertThat(names(archivedList)).contains("Shelved Archive Ltd").doesNotContain("Shelved Current Ltd");
        assertThat(archivedList)
                .contains("action=\"/clients/" + archived + "/restore\"")
                .contains("Restore");
    }

    private void addNote(UUID clientId, String body) {
        assertThat(mvc.post()
                        .uri("/clients/{id}/notes", clientId)
                        .cookie(admin)
                        .param("body", body)
                        .with(csrf()))
                .hasStatus3xxRedirection();
    }

    private String results(String query) {
        return Html.of(mvc.get()
                .uri(URI.create("/clients?" + query))
                .header("HX-Request", "true")
                .cookie(admin)
                .exchange());
    }

    private List<String> names(String queryOrHtml) {
        String html = queryOrHtml.contains("<") ? queryOrHtml : results(queryOrHtml);
        List<String> names = new ArrayList<>();
        Matcher matcher = ROW_NAME.matcher(html);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }
}
