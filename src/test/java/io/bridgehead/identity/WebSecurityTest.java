package io.bridgehead.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import io.bridgehead.access.PlatformRole;
import io.bridgehead.support.ActingAs;
import io.bridgehead.support.ErrorPages;
import io.bridgehead.support.IntegrationTest;
import io.bridgehead.support.SignIn;
import io.bridgehead.support.TestMail;
import io.bridgehead.support.TestWorkspaces;
import io.bridgehead.support.TestWorkspaces.TestWorkspace;
import jakarta.servlet.http.Cookie;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebSecurityTest {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    TestWorkspaces testWorkspaces;

    @Autowired
    StaffAccounts accounts;

    TestWorkspace workspace;
    Cookie admin;

    @BeforeAll
    void createWorkspace() {
        workspace = testWorkspaces.create("Web security");
        admin = SignIn.as(mvc, workspace.admin());
    }

    @Test
    void pagesSendTheSecurityHeaders() {
        for (MvcTestResult page : List.of(
                mvc.get().uri("/login").exchange(),
                mvc.get().uri("/").cookie(admin).exchange())) {
            assertThat(page).hasStatusOk();
            String csp = page.getResponse().getHeader("Content-Security-Policy");
            assertThat(csp)
                    .contains("frame-ancestors 'none'")
                    .contains("script-src 'self'")
                    .doesNotContain("unsafe-inline")
                    .doesNotContain("unsafe-eval");
            assertThat(page)
                    .headers()
                    .hasValue("X-Content-Type-Options", "nosniff")
                    .hasValue("Referrer-Policy", "no-referrer")
                    .hasValue("X-Frame-Options", "DENY");
        }
    }

    @Test
    void theSessionCookieIsHttpOnlyAndSameSiteLaxAndSecureOverHttps() {
        String overHttp = sessionCookieHeader(mvc.get().uri("/login").exchange(), SignIn.COOKIE);
        String overHttps = sessionCookieHeader(
                mvc.get().uri("/login").with(WebSecurityTest::https).exchange(), "__Host-" + SignIn.COOKIE);

        assertThat(overHttp).contains("HttpOnly").contains("SameSite=Lax").doesNotContain("Secure");
        assertThat(overHttps)
                .contains("HttpOnly")
                .contains("SameSite=Lax")
                .contains("Secure")
                .contains("Path=/;")
                .doesNotContainIgnoringCase("Domain=");
    }

    /** Cookie tossing: a cookie planted without the prefix (by a sibling sub-domain or plain http) is not read on https. */
    @Test
    void overHttpsOnlyTheHostPrefixedSessionCookieCounts() {
        MvcTestResult signIn = mvc.post()
                .uri("/login")
                .param("email", workspace.admin().email())
                .param("password", workspace.admin().password())
                .with(csrf())
                .with(WebSecurityTest::https)
                .exchange();
        Cookie hostOnly = signIn.getResponse().getCookie("__Host-" + SignIn.COOKIE);
        assertThat(hostOnly).as("__Host- cookie set at sign-in over https").isNotNull();
        assertThat(hostOnly.getSecure()).isTrue();

        assertThat(mvc.get().uri("/").cookie(hostOnly).with(WebSecurityTest::https))
                .hasStatusOk();
        Cookie planted = new Cookie(SignIn.COOKIE, hostOnly.getValue());
        assertThat(mvc.get().uri("/").cookie(planted).with(WebSecurityTest::https))
                .hasStatus3xxRedirection();
    }

    @Test
    void signingOutOverHttpsTellsTheBrowserToDropCachedPagesAndStorage() {
        Cookie session = mvc.post()
                .uri("/login")
                .param("email", workspace.admin().email())
                .param("password", workspace.admin().password())
                .with(csrf())
                .with(WebSecurityTest::https)
                .exchange()
                .getResponse()
                .getCookie("__Host-" + SignIn.COOKIE);

        MvcTestResult signOut = mvc.post()
                .uri("/logout")
                .cookie(session)
                .with(csrf())
                .with(WebSecurityTest::https)
                .exchange();

        assertThat(signOut).hasRedirectedUrl("/login?signedout");
        assertThat(signOut.getResponse().getHeader("Clear-Site-Data")).contains("\"cache\"", "\"storage\"");
        assertThat(mvc.get().uri("/").cookie(session).with(WebSecurityTest::https))
                .hasStatus3xxRedirection();
    }

    private static org.springframework.mock.web.MockHttpServletRequest https(
            org.springframework.mock.web.MockHttpServletRequest request) {
        request.setSecure(true);
        request.setScheme("https");
        return request;
    }

    @Test
    void strictTransportSecurityIsSentOnlyOverHttps() {
        MvcTestResult https = mvc.get()
                .uri("/login")
                .with(request -> {
                    request.setSecure(true);
                    request.setScheme("https");
                    return request;
                })
                .exchange();
        MvcTestResult http = mvc.get().uri("/login").exchange();

        assertThat(https.getResponse().getHeader("Strict-Transport-Security"))
                .contains("max-age=31536000")
                .contains("includeSubDomains");
        assertThat(http).headers().doesNotContainHeader("Strict-Transport-Security");
    }

    @Test
    void aFormPostedWithoutItsCsrfTokenIsRefusedAndExplained() {
        String invitee = "csrf-" + UUID.randomUUID().toString().substring(0, 8) + "@test.local";

        MvcTestResult forged = mvc.post()
                .uri("/admin/users/invite")
                .param("email", invitee)
                .param("role", PlatformRole.ANALYST.name())
                .cookie(admin)
                .accept(MediaType.TEXT_HTML)
                .exchange();

        assertThat(forged).hasStatus(403);
        assertThat(ErrorPages.render(mvc, forged))
                .hasStatus(403)
                .bodyText()
                .contains("This form expired or was not sent from this site.")
                .doesNotContain("Your role does not allow");
        assertThat(ActingAs.call(workspace, workspace.admin(), accounts::openInvitations))
                .noneMatch(invitation -> invitation.email().equals(invitee));
        assertThat(TestMail.to(invitee)).isEmpty();
    }

    @Test
    void anUnknownAddressShowsTheNotFoundPageWithoutInternals() {
        MvcTestResult missing = mvc.get()
                .uri("/no-such-page")
                .cookie(admin)
                .accept(MediaType.TEXT_HTML)
                .exchange();

        assertThat(missing).hasStatus(404);
        MvcTestResult page = ErrorPages.render(mvc, missing);
        assertThat(page).hasStatus(404).bodyText().contains("Page not found");
        assertThat(page)
                .bodyText()
                .doesNotContain("Exception")
                .doesNotContain("org.springframework")
                .doesNotContain("io.bridgehead")
                .doesNotContain("\tat ")
                .doesNotContainIgnoringCase("stack");
    }

    @Test
    void anonymousVisitorsAreSentToSignIn() {
        assertThat(mvc.get().uri("/")).hasRedirectedUrl("/login");
        assertThat(mvc.get().uri("/admin/users")).hasRedirectedUrl("/login");
    }

    @Test
    void stylesAndScriptsAreServedWithoutSigningIn() {
        assertThat(mvc.get().uri("/css/app.css")).hasStatusOk().hasContentTypeCompatibleWith("text/css");
        assertThat(mvc.get().uri("/webjars/htmx.org/dist/htmx.min.js"))
                .hasStatusOk()
                .bodyText()
                .contains("htmx");
    }

    private static String sessionCookieHeader(MvcTestResult result, String name) {
        return result.getResponse().getHeaders("Set-Cookie").stream()
                .filter(header -> header.startsWith(name + "="))
                .findFirst()
                .orElseThrow(() -> new AssertionError("No session cookie set"));
    }
}
