package io.bridgehead.projects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import io.bridgehead.support.IntegrationTest;
import io.bridgehead.support.SignIn;
import io.bridgehead.support.TestWorkspaces;
import io.bridgehead.support.TestWorkspaces.TestWorkspace;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProjectConcurrentEditTest {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    TestWorkspaces testWorkspaces;

    TestWorkspace workspace;
    Cookie admin;

    @BeforeAll
    void setUp() {
        workspace = testWorkspaces.create("Concurrent edits");
        admin = SignIn.as(mvc, workspace.admin());
    }

    @Test
    void theSecondSaveOfTheSameVersionIsRefusedNotSilentlyApplied() throws Exception {
        String project = mvc.post()
                .uri("/projects/new")
                .cookie(admin)
                .with(csrf())
                .param("name", "Shared project")
                .param("status", "PLANNED")
                .exchange()
                .getResponse()
                .getRedirectedUrl();
        String page =
                mvc.get().uri(project).cookie(admin).exchange().getResponse().getContentAsString();
        String version = page.replaceAll("(?s).*name=\"version\" value=\"(\\d+)\".*", "$1");

        assertThat(mvc.post()
                        .uri(project)
                        .cookie(admin)
                        .with(csrf())
                        .param("name", "Renamed by the first")
                        .param("status", "IN_PROGRESS")
                        .param("version", version))
                .hasRedirectedUrl(project);
        assertThat(mvc.post()
                        .uri(project)
                        .cookie(admin)
                        .with(csrf())
                        .param("name", "Renamed by the second")
                        .param("status", "REPORTING")
                        .param("version", version))
                .hasStatus(409)
                .bodyText()
                .contains("Someone else saved this project after you opened it");
        assertThat(mvc.get().uri(project).cookie(admin))
                .bodyText()
                .contains("Renamed by the first")
                .doesNotContain("Renamed by the second");
    }
}
