package io.bridgehead.findings;

import static org.assertj.core.api.Assertions.assertThat;

import io.bridgehead.access.PlatformRole;
import io.bridgehead.projects.ProjectRole;
import io.bridgehead.projects.ProjectStatus;
import io.bridgehead.support.IntegrationTest;
import io.bridgehead.support.SignIn;
import io.bridgehead.support.TestClients;
import io.bridgehead.support.TestWorkspaces;
import io.bridgehead.support.TestWorkspaces.TestUser;
import io.bridgehead.support.TestWorkspaces.TestWorkspace;
import jakarta.servlet.http.Cookie;
import java.io.UnsupportedEncodingException;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * The client and project filters of /findings: text fields whose suggestions come from the server as the user types,
 * and which also take a typed name when the form is sent without JavaScript.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FindingFilterFieldsTest {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    TestWorkspaces testWorkspaces;

    @Autowired
    TestClients testClients;

    @Autowired
    TestFindings testFindings;

    TestWorkspace workspace;
    Cookie admin;
    UUID acme;
    UUID alpha;
    UUID alphaApi;
    UUID beta;

    @BeforeAll
    void setUp() {
        workspace = testWorkspaces.create("Filter fields");
        admin = SignIn.as(mvc, workspace.admin());
        acme = testClients.create(workspace, "Acme Bank");
        UUID globex = testClients.create(workspace, "Globex");
        alpha = testClients.project(workspace, "Alpha web", acme, ProjectStatus.IN_PROGRESS);
        alphaApi = testClients.project(workspace, "Alpha api", globex, ProjectStatus.IN_PROGRESS);
        beta = testClients.project(workspace, "Beta mobile", globex, ProjectStatus.IN_PROGRESS);
        UUID archived = testClients.project(workspace, "Alpha archived", acme, ProjectStatus.COMPLETED);
        testFindings.create(workspace, alpha, "Finding in alpha web", Severity.HIGH, null);
        testFindings.create(workspace, alphaApi, "Finding in alpha api", Severity.HIGH, null);
        testFindings.create(workspace, beta, "Finding in beta mobile", Severity.HIGH, null);
        testFindings.archive(workspace, archived);

        TestWorkspace other = testWorkspaces.create("Filter fields elsewhere");
        UUID foreignClient = testClients.create(other, "Acme Foreign");
        testClients.project(other, "Alpha foreign", foreignClient, ProjectStatus.IN_PROGRESS);
    }

    @Test
    void projectSuggestionsAreTheWorkspacesLiveProjectsContainingTheText() {
        assertThat(body("/findings/suggest/projects?project=ALPHA", admin))
                .contains("Alpha web", "Acme Bank", "Alpha api", "Globex", "role=\"option\"")
                .contains("data-value=\"" + alpha + "\"")
                .doesNotContain("Beta mobile")
                .doesNotContain("Alpha archived")
                .doesNotContain("Alpha foreign");
        assertThat(body("/findings/suggest/projects?project=nothing like this", admin))
                .contains("No project you can see matches.");
    }

    @Test
    void clientSuggestionsAreTheWorkspacesClientsContainingTheText() {
        assertThat(body("/findings/suggest/clients?client=acme", admin))
                .contains("Acme Bank")
                .doesNotContain("Acme Foreign")
                .doesNotContain("Globex");
    }

    @Test
    void aViewerIsOfferedOnlyAssignedProjectsAndTheirClients() {
        TestUser viewer = testWorkspaces.addUser(workspace, PlatformRole.VIEWER);
        testFindings.assign(workspace, beta, viewer, ProjectRole.REVIEWER);
        Cookie session = SignIn.as(mvc, viewer);

        assertThat(body("/findings/suggest/projects?project=", session))
                .contains("Beta mobile")
                .doesNotContain("Alpha web")
                .doesNotContain("Alpha api");
        assertThat(body("/findings/suggest/clients?client=", session))
                .contains("Globex")
                .doesNotContain("Acme Bank");
        assertThat(body("/findings?project=Alpha web&projectId=", session))
                .contains("No project you can see has “Alpha web” in its name.")
                .doesNotContain("Finding in alpha web");
    }

    @Test
    void aPickedProjectFiltersTheListAndItsNameStaysInTheField() {
        String page = body("/findings?project=Alpha web&projectId=" + alpha, admin);
        assertThat(page)
                .contains("Finding in alpha web")
                .doesNotContain("Finding in alpha api")
                .doesNotContain("Finding in beta mobile")
                .contains("value=\"Alpha web\"");
        assertThat(body("/findings?projectId=" + beta, admin))
                .as("a link with the id alone")
                .contains("Finding in beta mobile")
                .doesNotContain("Finding in alpha web")
                .contains("value=\"Beta mobile\"");
    }

    @Test
    void withoutJavaScriptATypedNameFilters() {
        assertThat(body("/findings?project=beta&projectId=", admin))
                .contains("Finding in beta mobile")
                .doesNotContain("Finding in alpha");
        assertThat(body("/findings?project=alpha WEB&projectId=", admin))
                .as("the exact name, in any letter case")
                .contains("Finding in alpha web")
                .doesNotContain("Finding in alpha api");
        assertThat(body("/findings?client=acme&clientId=", admin))
                .contains("Finding in alpha web")
                .doesNotContain("Finding in beta mobile");
    }

    @Test
    void aTypedNameOfSeveralProjectsOffersThemInsteadOfAList() {
        String page = body("/findings?project=alpha&projectId=&severity=HIGH", admin);
        assertThat(page)
                .contains("“alpha” is in the name of several projects. Choose one:")
                .contains("projectId=" + alpha)
                .contains("projectId=" + alphaApi)
                .contains("severity=HIGH")
                .doesNotContain("Finding in");
        assertThat(body("/findings?project=gamma&projectId=", admin))
                .contains("No project you can see has “gamma” in its name.")
                .doesNotContain("Finding in");
    }

    @Test
    void clearingTheFieldShowsAllProjectsAgain() {
        assertThat(body("/findings?project=&projectId=" + alpha, admin))
                .contains("Finding in alpha web")
                .contains("Finding in beta mobile");
    }

    @Test
    void thePageNoLongerCarriesAMenuOfEveryClientAndProject() {
        assertThat(body("/findings", admin))
                .contains("role=\"combobox\"")
                .doesNotContain("<option value=\"" + alphaApi + "\"")
                .doesNotContain("<option value=\"" + acme + "\"");
    }

    private String body(String url, Cookie session) {
        try {
            MvcTestResult result = mvc.get().uri(url).cookie(session).exchange();
            assertThat(result).hasStatusOk();
            return result.getResponse().getContentAsString();
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }
}
