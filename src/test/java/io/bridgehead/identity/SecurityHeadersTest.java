package io.bridgehead.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.bridgehead.access.PortalRole;
import io.bridgehead.support.IntegrationTest;
import io.bridgehead.support.SignIn;
import io.bridgehead.support.TestClients;
import io.bridgehead.support.TestPortal;
import io.bridgehead.support.TestPortal.PortalUser;
import io.bridgehead.support.TestWorkspaces;
import io.bridgehead.support.TestWorkspaces.TestWorkspace;
import jakarta.servlet.http.Cookie;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MockMvcTester.MockMvcRequestBuilder;

/**
 * The browser security headers on every kind of response a user meets: a staff page, a portal page, both sign-in
 * pages, a download, a stylesheet and a script — over HTTP and over HTTPS. Error pages (their headers come from the
 * container's error dispatch, which MockMvc does not do) and Tomcat's own headers (Server, X-Powered-By) need a real
 * server: {@link SecurityHeadersOverHttpTest}.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecurityHeadersTest {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    TestWorkspaces testWorkspaces;

    @Autowired
    TestClients testClients;

    @Autowired
    TestPortal testPortal;

    TestWorkspace workspace;
    Cookie staff;
    PortalUser portalUser;
    String portal;

    @BeforeAll
    void setUp() {
        workspace = testWorkspaces.create("Security headers");
        staff = SignIn.as(mvc, workspace.admin());
        UUID client = testClients.create(workspace, "Headers Ltd");
        portalUser = testPortal.join(mvc, workspace, client, PortalRole.VIEWER);
        portal = "/portal/" + workspace.slug();
    }

    /** Every kind of response, over HTTPS or not, with whether it is shown to a signed-in user. */
    private Map<String, Response> responses(boolean https) {
        Map<String, Response> all = new LinkedHashMap<>();
        all.put("staff page", new Response(true, exchange(https, b -> b.uri("/").cookie(staff))));
        all.put(
                "portal page",
                new Response(true, exchange(https, b -> b.uri(portal + "/").cookie(portalUser.session()))));
        all.put("staff sign-in page", new Response(false, exchange(https, b -> b.uri("/login"))));
        all.put("portal sign-in page", new Response(false, exchange(https, b -> b.uri(portal + "/login"))));
        all.put(
                "download (findings CSV)",
                new Response(
                        true, exchange(https, b -> b.uri("/findings/export.csv").cookie(staff))));
        all.put("static file", new Response(false, exchange(https, b -> b.uri("/css/app.css"))));
        all.put(
                "static script",
                new Response(false, exchange(https, b -> b.uri("/webjars/htmx.org/dist/htmx.min.js"))));
        return all;
    }

    @Test
    void everyResponseCarriesTheBrowserSecurityHeaders() {
        responses(false).forEach((kind, response) -> {
            MockHttpServletResponse r = response.response();
            assertThat(r.getStatus()).as(kind).isEqualTo(200);
            String csp = r.getHeader("Content-Security-Policy");
            assertThat(csp).as(kind + ": CSP").isNotNull();
            String scripts = directive(csp, "script-src", directive(csp, "default-src", ""));
            assertThat(scripts)
                    .as(kind + ": scripts only from the site, nothing inline or evaluated")
                    .isIn("'self'", "'none'")
                    .doesNotContain("unsafe-inline")
                    .doesNotContain("unsafe-eval");
            assertThat(directive(csp, "object-src", "")).as(kind).isEqualTo("'none'");
            assertThat(directive(csp, "base-uri", "")).as(kind).isEqualTo("'none'");
            assertThat(directive(csp, "frame-ancestors", "")).as(kind).isEqualTo("'none'");
            assertThat(r.getHeader("X-Frame-Options")).as(kind).isEqualTo("DENY");
            assertThat(r.getHeader("X-Content-Type-Options")).as(kind).isEqualTo("nosniff");
            assertThat(r.getHeader("Referrer-Policy")).as(kind).isEqualTo("no-referrer");
            assertThat(r.getHeader("Permissions-Policy"))
                    .as(kind + ": powerful features off")
                    .contains("camera=()", "microphone=()", "geolocation=()");
            assertThat(r.getHeader("Cross-Origin-Opener-Policy")).as(kind).isEqualTo("same-origin");
            assertThat(r.getHeader("Strict-Transport-Security"))
                    .as(kind + ": no HSTS over plain HTTP")
                    .isNull();
        });
    }

    @Test
    void overHttpsEveryResponseAsksForHttpsForAYear() {
        responses(true)
                .forEach((kind, response) -> assertThat(response.response().getHeader("Strict-Transport-Security"))
                        .as(kind)
                        .contains("max-age=31536000")
                        .contains("includeSubDomains"));
    }

    @Test
    void nothingShownToASignedInUserIsKeptByTheBrowserOrAProxy() {
        responses(false).forEach((kind, response) -> {
            if (response.signedIn()) {
                assertThat(response.response().getHeader("Cache-Control"))
                        .as(kind)
                        .contains("no-store");
            }
        });
    }

    private MockHttpServletResponse exchange(
            boolean https, Function<MockMvcRequestBuilder, MockMvcRequestBuilder> how) {
        return how.apply(mvc.get())
                .with(request -> secure(request, https))
                .exchange()
                .getResponse();
    }

    private static org.springframework.mock.web.MockHttpServletRequest secure(
            org.springframework.mock.web.MockHttpServletRequest request, boolean https) {
        if (https) {
            request.setSecure(true);
            request.setScheme("https");
            request.setServerPort(443);
        }
        return request;
    }

    /** The value of one CSP directive, or the fallback when the policy does not have it. */
    private static String directive(String csp, String name, String fallback) {
        return Arrays.stream(csp.split(";"))
                .map(String::strip)
                .filter(d -> d.startsWith(name + " "))
                .map(d -> d.substring(name.length() + 1).strip())
                .findFirst()
                .orElse(fallback);
    }

    record Response(boolean signedIn, MockHttpServletResponse response) {}
}
