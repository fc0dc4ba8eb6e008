package io.bridgehead.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import io.bridgehead.support.ActingAs;
import io.bridgehead.support.IntegrationTest;
import io.bridgehead.support.SignIn;
import io.bridgehead.support.TestWorkspaces;
import io.bridgehead.support.TestWorkspaces.TestWorkspace;
import jakarta.servlet.http.Cookie;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.session.web.http.SessionRepositoryFilter;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * With a portal domain configured, {@code {slug}.portal.test} serves that workspace's portal. The one test class with
 * its own context (the domain is a start-up setting); every other test runs without a portal domain.
 */
@IntegrationTest
@TestPropertySource(properties = "bridgehead.portal.domain=portal.test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PortalHostFilterTest {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    TestWorkspaces testWorkspaces;

    @Autowired
    Workspaces workspaces;

    @Autowired
    PortalAddresses addresses;

    @Autowired
    @Qualifier("portalHostFilter")
    FilterRegistrationBean<?> registration;

    TestWorkspace workspace;
    String host;

    @BeforeAll
    void createWorkspace() {
        workspace = testWorkspaces.create("Host");
        host = workspace.slug() + ".portal.test";
    }

    @Test
    void aKnownWorkspacesHostServesItsPortalUnderThePortalPath() {
        assertThat(onHost(host, "/host-probe"))
                .hasStatusOk()
                .bodyText()
                .isEqualTo(workspace.slug() + "|/portal/" + workspace.slug() + "/host-probe|/portal/"
                        + workspace.slug() + "/host-probe|http://" + host + "/portal/" + workspace.slug()
                        + "/host-probe");
    }

    @Test
    void theHostIsMatchedWhateverItsCaseOrPort() {
        MvcTestResult result = mvc.get()
                .uri("/host-probe")
                .header("Host", host.toUpperCase(java.util.Locale.ROOT) + ":8443")
                .exchange();

        assertThat(result).hasStatusOk().bodyText().startsWith(workspace.slug() + "|/portal/" + workspace.slug());
    }

    @Test
    void aPathAlreadyUnderThePortalPrefixIsNotPrefixedAgain() {
        assertThat(onHost(host, "/portal/" + workspace.slug() + "/host-probe"))
                .hasStatusOk()
                .bodyText()
                .startsWith(workspace.slug() + "|/portal/" + workspace.slug() + "/host-probe|");
    }

    @Test
    void anUnknownOrMalformedHostUnderThePortalDomainGetsABare404() {
        for (String unknown :
                new String[] {"nobody-" + UUID.randomUUID().toString().substring(0, 8), "a.b", "-x-"}) {
            MvcTestResult result = onHost(unknown + ".portal.test", "/login");

            assertThat(result).hasStatus(404);
            assertThat(result.getResponse().getContentAsByteArray()).isEmpty();
        }
    }

    @Test
    void staticAssetsOnAPortalHostAreServedAsThemselves() {
        assertThat(onHost(host, "/css/app.css")).hasStatusOk().hasContentType("text/css");
        assertThat(onHost(host, "/js/app.js")).hasStatusOk();
    }

    @Test
    void hostsOutsideThePortalDomainAreTheStaffApplicationUntouched() {
        // The path-based portal address works on the staff host as it is.
        assertThat(onHost("localhost", "/portal/" + workspace.slug() + "/host-probe"))
                .hasStatusOk()
                .bodyText()
                .startsWith(workspace.slug() + "|/portal/" + workspace.slug() + "/host-probe|");
        // Staff paths are not rewritten: the staff chain answers (sign-in first).
        assertThat(onHost("localhost", "/host-probe")).hasRedirectedUrl("/login");
        assertThat(onHost("portal.test", "/host-probe")).hasRedirectedUrl("/login");
        assertThat(onHost(workspace.slug() + ".portal.test.example.com", "/host-probe"))
                .hasRedirectedUrl("/login");
    }

    @Test
    void staffPagesAreNeverServedOnAPortalHost() {
        Cookie admin = SignIn.as(mvc, workspace.admin());
        assertThat(mvc.get().uri("/clients").cookie(admin)).hasStatusOk();

        MvcTestResult onPortalHost = mvc.get()
                .uri("/clients")
                .cookie(admin)
                .with(request -> {
                    request.setServerName(host);
                    return request;
                })
                .exchange();

        assertThat(onPortalHost.getResponse().getStatus()).isNotEqualTo(200);
    }

    @Test
    void aReleasedSlugsHostRedirectsReadsToTheCurrentAddressFor30Days() {
        TestWorkspace moving = testWorkspaces.create("Host moving");
        String newSlug = "moved-" + UUID.randomUUID().toString().substring(0, 8);
        ActingAs.run(moving, moving.admin(), () -> workspaces.changeSlug(new SlugChange(newSlug, true)));
        String oldHost = moving.slug() + ".portal.test";

        assertThat(mvc.get().uri("/login?next=x").with(request -> {
                    request.setServerName(oldHost);
                    request.setQueryString("next=x");
                    return request;
                }))
                .hasStatus(302)
                .hasHeader("Location", "https://" + newSlug + ".portal.test/login?next=x");
        assertThat(onHost(oldHost, "/portal/" + moving.slug() + "/findings"))
                .hasHeader("Location", "https://" + newSlug + ".portal.test/findings");
        assertThat(mvc.post().uri("/login").with(csrf()).with(request -> {
                    request.setServerName(oldHost);
                    return request;
                }))
                .hasStatus(404);
        assertThat(onHost(newSlug + ".portal.test", "/host-probe"))
                .hasStatusOk()
                .bodyText()
                .startsWith(newSlug + "|");
    }

    @Test
    void portalAddressesUseTheSubDomainAndKeepThePathAddress() {
        assertThat(addresses.baseUrl("acme")).isEqualTo("https://acme.portal.test");
        assertThat(addresses.allUrls("acme")).hasSize(2).first().isEqualTo("https://acme.portal.test");
        assertThat(addresses.allUrls("acme").get(1)).endsWith("/portal/acme");
        assertThat(addresses.domain()).contains("portal.test");

        Cookie admin = SignIn.as(mvc, workspace.admin());
        assertThat(mvc.get().uri("/admin/workspace").cookie(admin))
                .bodyText()
                .contains("https://" + workspace.slug() + ".portal.test")
                .contains("/portal/" + workspace.slug() + "</code>");
    }

    @Test
    void theFilterRunsBeforeSpringSessionAndSpringSecurity() {
        assertThat(registration.getOrder()).isLessThan(SessionRepositoryFilter.DEFAULT_ORDER);
        // Spring Security's filter chain is registered at -100 (Boot's default), far after both.
        assertThat(registration.getOrder()).isLessThan(-100);
    }

    private MvcTestResult onHost(String serverName, String path) {
        return mvc.get()
                .uri(path)
                .with(request -> {
                    request.setServerName(serverName);
                    return request;
                })
                .exchange();
    }
}
