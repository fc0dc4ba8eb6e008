package io.bridgehead.findings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import io.bridgehead.access.PlatformRole;
import io.bridgehead.support.IntegrationTest;
import io.bridgehead.support.SignIn;
import io.bridgehead.support.TestWorkspaces;
import io.bridgehead.support.TestWorkspaces.TestWorkspace;
import jakarta.servlet.http.Cookie;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FindingFlowTest {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    TestWorkspaces testWorkspaces;

    TestWorkspace workspace;
    Cookie admin;
    String project;

    @BeforeAll
    void setUp() {
        workspace = testWorkspaces.create("Findings");
        admin = SignIn.as(mvc, workspace.admin());
        MvcTestResult created = mvc.post()
                .uri("/projects/new")
                .cookie(admin)
                .with(csrf())
                .param("name", "Web app test")
                .param("status", "IN_PROGRESS")
                .param("type", "WEB_APPLICATION")
                .exchange();
        project = created.getResponse().getRedirectedUrl();
    }

    @Test
    void aCvssVectorIsScoredAndSuggestsSeverityAndTheSlaSetsTheDueDate() {
        MvcTestResult created = post(
                project + "/findings/new",
                "title",
                "SQL injection in login",
                "cvss31Vector",
                "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H",
                "description",
                "The `user` field is **concatenated**.\n\n<script>alert(1)</script>");
        assertThat(created).hasStatus3xxRedirection();
        String page = page(created.getResponse().getRedirectedUrl());

        assertThat(page)
                .contains("F-1")
                .contains("9.8")
                .contains("Critical")
                .contains(LocalDate.now(ZoneOffset.UTC).plusDays(7).toString())
                .contains("<strong>concatenated</strong>")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;")
                .doesNotContain("<script>alert(1)</script>");
    }

    @Test
    void aWrongVectorIsRefusedNamingTheWrongPartAndKeepsTheInput() {
        MvcTestResult refused = post(
                project + "/findings/new",
                "title",
                "Weak TLS",
                "cvss31Vector",
                "CVSS:3.1/AV:X/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N");

        assertThat(refused)
                .hasStatusOk()
                .bodyText()
                .contains("Unknown value &quot;X&quot; for AV (Attack Vector)")
                .contains("value=\"Weak TLS\"");
    }

    @Test
    void withoutSeverityOrVectorTheFormAsksForOne() {
        assertThat(post(project + "/findings/new", "title", "No severity"))
                .hasStatusOk()
                .bodyText()
                .contains("Choose a severity, or enter a CVSS 3.1 vector");
    }

    @Test
    void onlyWorkflowMovesAreAllowedAndEachIsInTheHistory() {
        String finding = post(project + "/findings/new", "title", "Verbose errors", "severity", "LOW")
                .getResponse()
                .getRedirectedUrl();

        assertThat(page(finding)).contains("Finding recorded.");

        assertThat(post(finding + "/status", "to", "VERIFIED_FIXED")).hasStatus(409);
        assertThat(post(finding + "/status", "to", "ACCEPTED_RISK")).hasRedirectedUrl(finding);
        assertThat(page(finding)).contains("needs one");
        assertThat(post(finding + "/status", "to", "ACCEPTED_RISK", "note", "Internal tool only"))
                .hasRedirectedUrl(finding);
        assertThat(post(finding + "/status", "to", "CLOSED")).hasRedirectedUrl(finding);

        assertThat(page(finding))
                .contains("Accepted risk")
                .contains("Internal tool only")
                .contains("Closed")
                .contains("from Accepted risk");
    }

    @Test
    void viewersReadButCannotWriteFindings() {
        String finding = post(project + "/findings/new", "title", "Open redirect", "severity", "MEDIUM")
                .getResponse()
                .getRedirectedUrl();
        Cookie reviewer = SignIn.as(mvc, testWorkspaces.addUser(workspace, PlatformRole.REVIEWER));

        assertThat(mvc.get().uri(finding).cookie(reviewer))
                .hasStatusOk()
                .bodyText()
                .contains("Open redirect");
        assertThat(mvc.post()
                        .uri(project + "/findings/new")
                        .cookie(reviewer)
                        .with(csrf())
                        .param("title", "Sneaky")
                        .param("severity", "LOW"))
                .hasStatus(403);
        assertThat(mvc.post()
                        .uri(finding + "/status")
                        .cookie(reviewer)
                        .with(csrf())
                        .param("to", "CLOSED"))
                .hasStatus(403);
    }

    @Test
    void findingsOfAnotherWorkspaceAreNotFound() {
        String finding = post(project + "/findings/new", "title", "Secret finding", "severity", "HIGH")
                .getResponse()
                .getRedirectedUrl();
        TestWorkspace other = testWorkspaces.create("Other findings");
        Cookie outsider = SignIn.as(mvc, other.admin());

        assertThat(mvc.get().uri(finding).cookie(outsider)).hasStatus(404);
        assertThat(mvc.post()
                        .uri(finding + "/status")
                        .cookie(outsider)
                        .with(csrf())
                        .param("to", "CLOSED"))
                .hasStatus(404);
    }

    private MvcTestResult post(String url, String... params) {
        var request = mvc.post().uri(url).cookie(admin).with(csrf());
        for (int i = 0; i < params.length; i += 2) {
            request = request.param(params[i], params[i + 1]);
        }
        return request.exchange();
    }

    private String page(String url) {
        try {
            return mvc.get().uri(url).cookie(admin).exchange().getResponse().getContentAsString();
        } catch (java.io.UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }
}
