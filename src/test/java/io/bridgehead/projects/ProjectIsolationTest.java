package io.bridgehead.projects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import io.bridgehead.access.PlatformRole;
import io.bridgehead.support.Html;
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
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** Another workspace's projects do not exist for this one: every project URL answers 404 and changes nothing. */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProjectIsolationTest {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    TestWorkspaces testWorkspaces;

    @Autowired
    TestClients testClients;

    TestWorkspace workspace;
    TestWorkspace other;
    Cookie admin;
    UUID foreignClient;
    UUID foreignProject;
    UUID foreignAsset;
    TestUser foreignMember;

    @BeforeAll
    void setUp() {
        workspace = testWorkspaces.create("Project isolation");
        admin = SignIn.as(mvc, workspace.admin());
        other = testWorkspaces.create("Project isolation other");
        foreignMember = testWorkspaces.addUser(other, PlatformRole.ANALYST);
        foreignClient = testClients.create(other, "Foreign Isolation Co");
        foreignProject =
                testClients.project(other, "Foreign isolated pentest", foreignClient, ProjectStatus.IN_PROGRESS);
        Cookie otherAdmin = SignIn.as(mvc, other.admin());
        post(otherAdmin, "/projects/" + foreignProject + "/assets", "kind", "HOST", "value", "foreign.example.com");
        post(
                otherAdmin,
                "/projects/" + foreignProject + "/team",
                "userId",
                foreignMember.id().toString(),
                "role",
                "EDITOR");
        foreignAsset = testClients.value(
                other, UUID.class, "select id from project_asset where project_id = ?", foreignProject);
    }

    @Test
    void everyProjectUrlWithAnotherWorkspacesProjectIdIsNotFound() {
        String base = "/projects/" + foreignProject;
        UUID myClient = testClients.create(workspace, "Home Isolation Co");

        assertThat(mvc.get().uri(base).cookie(admin)).as("GET detail").hasStatus(404);
        assertThat(mvc.get().uri(base + "/delete").cookie(admin))
                .as("GET delete")
                .hasStatus(404);
        assertNotFound(base, "name", "Hijacked", "status", "COMPLETED");
        assertNotFound(base + "/client", "clientId", myClient.toString());
        assertNotFound(base + "/client", "clientId", "");
        assertNotFound(base + "/assets", "kind", "HOST", "value", "evil.example.com");
        assertNotFound(base + "/assets/" + foreignAsset + "/remove");
        assertNotFound(base + "/team", "userId", workspace.admin().id().toString(), "role", "OWNER");
        assertNotFound(base + "/team/" + foreignMember.id() + "/remove");
        assertNotFound(base + "/archive");
        assertNotFound(base + "/restore");
        assertNotFound(base + "/delete", "confirmName", "Foreign isolated pentest");

        assertThat(testClients.value(
                        other,
                        String.class,
                        "select name || '/' || status || '/' || client_id || '/' || (archived_at is null)"
                                + " from project where id = ?",
                        foreignProject))
                .isEqualTo("Foreign isolated pentest/IN_PROGRESS/" + foreignClient + "/true");
        assertThat(testClients.value(
                        other,
                        String.class,
                        "select string_agg(value, ',') from project_asset where project_id = ?",
                        foreignProject))
                .isEqualTo("foreign.example.com");
        assertThat(testClients.count(other, "project_member where project_id = ?", foreignProject))
                .isEqualTo(2);
        assertThat(testClients.count(
                        other,
                        "project_member where project_id = ? and role = 'OWNER'" + " and user_id = ?",
                        foreignProject,
                        other.admin().id()))
                .isOne();
        assertThat(testClients.count(
                        other,
                        "project_member where user_id = ?",
                        workspace.admin().id()))
                .isZero();
    }

    @Test
    void anotherWorkspacesProjectsAreNotListed() {
        testClients.project(workspace, "Home listed pentest", null, ProjectStatus.PLANNED);

        assertThat(Html.main(Html.of(mvc.get().uri("/projects").cookie(admin).exchange())))
                .contains("Home listed pentest")
                .doesNotContain("Foreign isolated pentest");
        assertThat(Html.main(Html.of(mvc.get()
                        .uri("/projects?client={id}", foreignClient)
                        .cookie(admin)
                        .exchange())))
                .doesNotContain("Foreign isolated pentest");
    }

    private void assertNotFound(String url, String... params) {
        assertThat(post(admin, url, params)).as("POST " + url).hasStatus(404);
    }

    private MvcTestResult post(Cookie session, String url, String... params) {
        var request = mvc.post().uri(url).cookie(session).with(csrf());
        for (int i = 0; i < params.length; i += 2) {
            request.param(params[i], params[i + 1]);
        }
        return request.exchange();
    }
}
