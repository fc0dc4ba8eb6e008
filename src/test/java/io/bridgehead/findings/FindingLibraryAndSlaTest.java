package io.bridgehead.findings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import io.bridgehead.access.PlatformRole;
import io.bridgehead.support.IntegrationTest;
import io.bridgehead.support.SignIn;
import io.bridgehead.support.TestWorkspaces;
import io.bridgehead.support.TestWorkspaces.TestWorkspace;
import jakarta.servlet.http.Cookie;
import java.io.UnsupportedEncodingException;
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
class FindingLibraryAndSlaTest {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    TestWorkspaces testWorkspaces;

    TestWorkspace workspace;
    Cookie admin;
    String project;

    @BeforeAll
    void setUp() {
        workspace = testWorkspaces.create("Library");
        admin = SignIn.as(mvc, workspace.admin());
        project = post(admin, "/projects/new", "name", "Library project", "status", "IN_PROGRESS")
                .getResponse()
                .getRedirectedUrl();
    }

    @Test
    void aFindingStartsFromATemplateAndAFindingCanBeSavedAsOne() {
        assertThat(post(
                        admin,
                        "/findings/library/new",
                        "title",
                        "Missing HSTS header",
                        "cvss31Vector",
                        "CVSS:3.1/AV:N/AC:H/PR:N/UI:R/S:U/C:L/I:N/A:N",
                        "remediation",
                        "Send Strict-Transport-Security."))
                .hasRedirectedUrl("/findings/library");
        assertThat(page(admin, "/findings/library?q=hsts")).contains("Missing HSTS header");
        assertThat(page(admin, "/findings/library?q=nothing-like-this")).contains("No templates match");

        String newFinding = page(admin, project + "/findings/new");
        String templateId =
                newFinding.replaceAll("(?s).*<option value=\"([0-9a-f-]{36})\">Missing HSTS header</option>.*", "$1");
        String prefilled = page(admin, project + "/findings/new?template=" + templateId);
        assertThat(prefilled).contains("value=\"Missing HSTS header\"").contains("Send Strict-Transport-Security.");

        String finding = post(
                        admin,
                        project + "/findings/new",
                        "title",
                        "Clickjacking",
                        "severity",
                        "LOW",
                        "remediation",
                        "Send frame-ancestors 'none'.")
                .getResponse()
                .getRedirectedUrl();
        assertThat(post(admin, finding + "/save-as-template")).hasRedirectedUrl(finding);
        assertThat(page(admin, "/findings/library")).contains("Clickjacking");
    }

    @Test
    void viewersCannotChangeTheLibrary() {
        Cookie viewer = SignIn.as(mvc, testWorkspaces.addUser(workspace, PlatformRole.VIEWER));

        assertThat(post(viewer, "/findings/library/new", "title", "Sneaky")).hasStatus(403);
        assertThat(page(admin, "/findings/library")).doesNotContain("Sneaky");
    }

    @Test
    void theWorkspaceSlaSetsTheDueDateOfNewFindings() {
        assertThat(post(
                        admin,
                        "/admin/sla",
                        "criticalDays",
                        "3",
                        "highDays",
                        "14",
                        "mediumDays",
                        "60",
                        "lowDays",
                        "120"))
                .hasRedirectedUrl("/admin/sla");
        String finding = post(admin, project + "/findings/new", "title", "RCE", "severity", "CRITICAL")
                .getResponse()
                .getRedirectedUrl();

        assertThat(page(admin, finding))
                .contains(LocalDate.now(ZoneOffset.UTC).plusDays(3).toString());
        assertThat(post(admin, "/admin/sla", "criticalDays", "0", "highDays", "14", "mediumDays", "60", "lowDays", "9"))
                .hasStatusOk()
                .bodyText()
                .contains("At least 1 day.");
        assertThat(post(admin, "/admin/sla", "criticalDays", "3", "highDays", "14", "mediumDays", "60", "lowDays", "x"))
                .hasStatusOk()
                .bodyText()
                .contains("Enter a whole number of days.");
        Cookie analyst = SignIn.as(mvc, testWorkspaces.addUser(workspace, PlatformRole.ANALYST));
        assertThat(mvc.get().uri("/admin/sla").cookie(analyst)).hasStatus(403);
    }

    @Test
    void aSecondEditOfTheSameVersionIsRefusedAndKeepsTheInput() {
        String finding = post(admin, project + "/findings/new", "title", "Weak cipher", "severity", "MEDIUM")
                .getResponse()
                .getRedirectedUrl();
        String form = page(admin, finding + "/edit");
        String version = form.replaceAll("(?s).*name=\"version\" value=\"(\\d+)\".*", "$1");

        assertThat(post(
                        admin,
                        finding + "/edit",
                        "title",
                        "Weak cipher suites",
                        "severity",
                        "MEDIUM",
                        "version",
                        version))
                .hasRedirectedUrl(finding);
        assertThat(post(admin, finding + "/edit", "title", "My stale title", "severity", "HIGH", "version", version))
                .hasStatusOk()
                .bodyText()
                .contains("Someone else saved this finding after you opened it")
                .contains("value=\"My stale title\"");
        assertThat(page(admin, finding)).contains("Weak cipher suites").doesNotContain("My stale title");
    }

    private MvcTestResult post(Cookie session, String url, String... params) {
        var request = mvc.post().uri(url).cookie(session).with(csrf());
        for (int i = 0; i < params.length; i += 2) {
            request = request.param(params[i], params[i + 1]);
        }
        return request.exchange();
    }

    private String page(Cookie session, String url) {
        try {
            return mvc.get().uri(url).cookie(session).exchange().getResponse().getContentAsString();
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }
}
