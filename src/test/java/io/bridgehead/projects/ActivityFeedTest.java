package io.bridgehead.projects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import io.bridgehead.access.PlatformRole;
import io.bridgehead.support.ActingAs;
import io.bridgehead.support.IntegrationTest;
import io.bridgehead.support.SignIn;
import io.bridgehead.support.TestClients;
import io.bridgehead.support.TestWorkspaces;
import io.bridgehead.support.TestWorkspaces.TestUser;
import io.bridgehead.support.TestWorkspaces.TestWorkspace;
import jakarta.servlet.http.Cookie;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ActivityFeedTest {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    TestWorkspaces testWorkspaces;

    @Autowired
    TestClients testClients;

    @Autowired
    Projects projects;

    TestWorkspace workspace;
    Cookie admin;
    UUID client;
    String shown;
    String hidden;

    @BeforeAll
    void setUp() {
        workspace = testWorkspaces.create("Activity");
        admin = SignIn.as(mvc, workspace.admin());
        client = testClients.create(workspace, "Globex");
        shown = post(
                "/projects/new",
                "name",
                "Globex shown project",
                "status",
                "IN_PROGRESS",
                "clientId",
                client.toString());
        hidden = post(
                "/projects/new",
                "name",
                "Globex hidden project",
                "status",
                "IN_PROGRESS",
                "clientId",
                client.toString());
        post(shown + "/findings/new", "title", "Default credentials", "severity", "HIGH");
        post(hidden + "/findings/new", "title", "Secret internal finding", "severity", "LOW");
        post("/clients/" + client + "/contacts", "fullName", "Hank Scorpio", "email", "hank@globex.test");
    }

    @Test
    void aProjectsFeedShowsWhoDidWhatWithLinks() {
        assertThat(mvc.get().uri(shown + "/activity").cookie(admin))
                .hasStatusOk()
                .bodyText()
                .contains("finding created")
                .contains("Default credentials")
                .contains("href=\"" + shown + "/findings/")
                .contains(workspace.admin().email())
                .doesNotContain("Secret internal finding");
        assertThat(mvc.get().uri(shown).cookie(admin)).bodyText().contains("Default credentials");
    }

    @Test
    void aClientsFeedCoversItsContactsAndProjects() {
        assertThat(mvc.get().uri("/clients/" + client + "/activity").cookie(admin))
                .hasStatusOk()
                .bodyText()
                .contains("client contact added")
                .contains("Default credentials")
                .contains("Secret internal finding");
    }

    @Test
    void aViewerSeesOnlyTheActivityOfTheirProjects() throws Exception {
        TestUser viewer = testWorkspaces.addUser(workspace, PlatformRole.VIEWER);
        UUID shownId = UUID.fromString(shown.substring(shown.lastIndexOf('/') + 1));
        ActingAs.run(
                workspace,
                workspace.admin(),
                () -> projects.putOnTeam(shownId, new TeamMemberForm(viewer.id(), ProjectRole.REVIEWER)));
        Cookie session = SignIn.as(mvc, viewer);

        assertThat(mvc.get().uri("/clients/" + client + "/activity").cookie(session))
                .hasStatusOk()
                .bodyText()
                .contains("Default credentials")
                .doesNotContain("Secret internal finding");
        assertThat(mvc.get().uri(hidden + "/activity").cookie(session)).hasStatus(404);
        String overview = mvc.get()
                .uri("/clients/" + client)
                .cookie(session)
                .exchange()
                .getResponse()
                .getContentAsString()
                .replaceAll("\\s+", " ");
        assertThat(overview).contains("High</span> <span>1</span>").contains("Low</span> <span>0</span>");
    }

    @Test
    void theClientOverviewCountsOpenFindingsBySeverity() throws Exception {
        String overview = mvc.get()
                .uri("/clients/" + client)
                .cookie(admin)
                .exchange()
                .getResponse()
                .getContentAsString();

        assertThat(overview.replaceAll("\\s+", " "))
                .contains("Open findings by severity")
                .contains("High</span> <span>1</span>")
                .contains("Low</span> <span>1</span>")
                .contains("Critical</span> <span>0</span>");
    }

    @Test
    void theAuditChainStillVerifiesWithFeedEntries() {
        assertThat(mvc.post().uri("/admin/audit/verify").cookie(admin).with(csrf()))
                .bodyText()
                .contains("The chain is intact");
    }

    private String post(String url, String... params) {
        var request = mvc.post().uri(url).cookie(admin).with(csrf());
        for (int i = 0; i < params.length; i += 2) {
            request = request.param(params[i], params[i + 1]);
        }
        return request.exchange().getResponse().getRedirectedUrl();
    }
}
