package io.bridgehead.portal;

import static org.assertj.core.api.Assertions.assertThat;

import io.bridgehead.access.PortalRole;
import io.bridgehead.projects.ProjectStatus;
import io.bridgehead.support.Html;
import io.bridgehead.support.IntegrationTest;
import io.bridgehead.support.TestClients;
import io.bridgehead.support.TestPortal;
import io.bridgehead.support.TestPortal.PortalUser;
import io.bridgehead.support.TestWorkspaces;
import io.bridgehead.support.TestWorkspaces.TestWorkspace;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** A portal user reaches their own client's visible projects and nothing else: everything else is "not found". */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PortalIsolationTest {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    TestWorkspaces testWorkspaces;

    @Autowired
    TestClients testClients;

    @Autowired
    TestPortal testPortal;

    TestWorkspace workspace;
    TestWorkspace elsewhere;
    PortalUser user;
    PortalUser foreignUser;
    UUID ownProject;
    UUID otherClientsProject;
    UUID foreignProject;
    String portal;

    @BeforeAll
    void setUp() {
        workspace = testWorkspaces.create("Portal isolation");
        elsewhere = testWorkspaces.create("Portal isolation elsewhere");
        UUID client = testClients.create(workspace, "Own Client");
        UUID otherClient = testClients.create(workspace, "Other Client");
        UUID foreignClient = testClients.create(elsewhere, "Foreign Client");
        ownProject = testClients.project(workspace, "Own Project", client, ProjectStatus.IN_PROGRESS);
        otherClientsProject =
                testClients.project(workspace, "Other Client Project", otherClient, ProjectStatus.IN_PROGRESS);
        foreignProject = testClients.project(elsewhere, "Foreign Project", foreignClient, ProjectStatus.IN_PROGRESS);
        testPortal.enable(workspace, otherClient);
        user = testPortal.join(mvc, workspace, client, PortalRole.MANAGER);
        foreignUser = testPortal.join(mvc, elsewhere, foreignClient, PortalRole.MANAGER);
        portal = "/portal/" + workspace.slug();
    }

    @Test
    void theOwnClientsVisibleProjectOpens() {
        assertThat(mvc.get().uri(portal + "/projects/" + ownProject).cookie(user.session()))
                .hasStatusOk();
        assertThat(Html.of(mvc.get().uri(portal + "/projects").cookie(user.session())))
                .contains("Own Project")
                .doesNotContain("Other Client Project")
                .doesNotContain("Foreign Project");
    }

    @Test
    void anotherClientsProjectInTheSameWorkspaceIsNotFound() {
        assertThat(mvc.get().uri(portal + "/projects/" + otherClientsProject).cookie(user.session()))
                .hasStatus(404);
    }

    @Test
    void anotherWorkspacesProjectIsNotFound() {
        assertThat(mvc.get().uri(portal + "/projects/" + foreignProject).cookie(user.session()))
                .hasStatus(404);
    }

    @Test
    void aSessionOfAnotherWorkspacesPortalCountsForNothingHere() {
        assertThat(mvc.get().uri(portal + "/").cookie(foreignUser.session()))
                .hasStatus3xxRedirection()
                .hasRedirectedUrl(portal + "/login");
        assertThat(mvc.get().uri(portal + "/projects/" + foreignProject).cookie(foreignUser.session()))
                .hasStatus3xxRedirection();
    }
}
