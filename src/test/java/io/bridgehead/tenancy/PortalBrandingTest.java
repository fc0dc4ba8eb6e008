package io.bridgehead.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import io.bridgehead.access.PlatformRole;
import io.bridgehead.audit.AuditAction;
import io.bridgehead.shared.images.LogoImage;
import io.bridgehead.shared.tenant.ScopedTransactions;
import io.bridgehead.support.AuditTrail;
import io.bridgehead.support.Html;
import io.bridgehead.support.IntegrationTest;
import io.bridgehead.support.SignIn;
import io.bridgehead.support.TestClients;
import io.bridgehead.support.TestWorkspaces;
import io.bridgehead.support.TestWorkspaces.TestWorkspace;
import jakarta.servlet.http.Cookie;
import java.awt.Color;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** The client portal's look per workspace: validation, plan rules, logo, preview, isolation and permissions. */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PortalBrandingTest {

    private static final String COLOUR_MESSAGE =
            "Enter a colour as # followed by six hexadecimal digits, e.g. #1f4e79.";

    @Autowired
    MockMvcTester mvc;

    @Autowired
    TestWorkspaces testWorkspaces;

    @Autowired
    PortalBrandings brandings;

    @Autowired
    AuditTrail auditTrail;

    @Autowired
    ScopedTransactions transactions;

    @Autowired
    JdbcTemplate jdbc;

    TestWorkspace pro;
    Cookie proAdmin;
    TestWorkspace starter;
    Cookie starterAdmin;

    @BeforeAll
    void createWorkspaces() {
        pro = testWorkspaces.create("Branding pro", Plan.PRO);
        proAdmin = SignIn.as(mvc, pro.admin());
        starter = testWorkspaces.create("Branding starter", Plan.STARTER);
        starterAdmin = SignIn.as(mvc, starter.admin());
    }

    @Test
    void withNothingSavedThePortalUsesTheDefaults() {
        TestWorkspace fresh = testWorkspaces.create("Branding defaults");

        PortalBranding branding = brandings.forWorkspace(fresh.id());

        assertThat(branding.workspaceName()).isEqualTo(fresh.name());
        assertThat(branding.primaryColour()).isEqualTo("#1f4e79");
        assertThat(branding.accentColour()).isEqualTo("#2e7d32");
        assertThat(branding.welcomeMessage()).isEmpty();
        assertThat(branding.welcomeHtml()).isEmpty();
        assertThat(branding.footerText()).isEmpty();
        assertThat(branding.helpText()).isEmpty();
        assertThat(branding.statusExplanations()).containsExactlyEntriesOf(PortalBranding.DEFAULT_STATUS_EXPLANATIONS);
        assertThat(branding.explanationFor("PENDING_VERIFICATION"))
                .isEqualTo("You reported this as fixed; the firm will verify it.");
        assertThat(branding.showPoweredBy()).isTrue();
        assertThat(branding.customLogo()).isFalse();
        assertThat(brandings.logo(fresh.id())).isEmpty();
    }

    @Test
    void cssCarriesTheValidatedColoursAndAContrastingTextColour() {
        assertThat(branding("#1F4E79", "#2E7D32").css())
                .isEqualTo(":root{--portal-primary:#1f4e79;--portal-accent:#2e7d32;--portal-on-primary:#ffffff}");
        assertThat(branding("#ffeb3b", "#000000").css())
                .isEqualTo(":root{--portal-primary:#ffeb3b;--portal-accent:#000000;--portal-on-primary:#000000}");
        assertThatThrownBy(() -> branding("#fff;}body{x:y", "#000000")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> branding("#000000", "red")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aBadColourIsRefusedAtItsFieldWithTheInputKeptAndNothingSaved() {
        MvcTestResult result = save(starterAdmin, form("red", "#12345g"));

        assertThat(result).hasStatus(422);
        String html = Html.of(result);
        assertThat(Html.fieldError(html, "primaryColour")).isEqualTo(COLOUR_MESSAGE);
        assertThat(Html.fieldError(html, "accentColour")).isEqualTo(COLOUR_MESSAGE);
        assertThat(html)
                .contains("value=\"red\"")
                .contains("value=\"#12345g\"")
                .contains("aria-describedby=\"primaryColour-hint primaryColour-error\"")
                .contains("Welcome from the form");
        assertThat(brandings.forWorkspace(starter.id()).primaryColour()).isEqualTo("#1f4e79");
        assertThat(brandings.forWorkspace(starter.id()).welcomeMessage()).isEmpty();
    }

    @Test
    void textsLongerThanTheirLimitAreRefused() {
        Map<String, String> form = form("#123456", "#654321");
        form.put("footerText", "x".repeat(301));
        form.put("explainClosed", "y".repeat(301));
        form.put("welcomeMessage", "z".repeat(2001));

        String html = Html.of(save(starterAdmin, form));

        assertThat(Html.fieldError(html, "footerText")).isEqualTo("Use at most 300 characters.");
        assertThat(Html.fieldError(html, "explainClosed")).isEqualTo("Use at most 300 characters.");
        assertThat(Html.fieldError(html, "welcomeMessage")).isEqualTo("Use at most 2000 characters.");
        assertThat(brandings.forWorkspace(starter.id()).primaryColour()).isEqualTo("#1f4e79");
    }

    @Test
    void anAdminOnProSavesTheBrandingAndThePortalReadsItSanitised() {
        Map<String, String> form = form("#AA3300", "#003366");
        form.put("welcomeMessage", "**Welcome** to <script>alert(1)</script> [our portal](https://example.com)");
        form.put("helpText", "Mail [security@example.com](mailto:security@example.com)");
        form.put("footerText", "Example Security Ltd");
        form.put("explainPendingVerification", "We will check your fix within 5 days.");
        form.put("hidePoweredBy", "true");

        assertThat(save(proAdmin, form)).hasRedirectedUrl("/admin/portal-branding");

        PortalBranding branding = brandings.forWorkspace(pro.id());
        assertThat(branding.primaryColour()).isEqualTo("#aa3300");
        assertThat(branding.accentColour()).isEqualTo("#003366");
        assertThat(branding.welcomeHtml())
                .contains("<strong>Welcome</strong>")
                .contains("href=\"https://example.com\"")
                .doesNotContain("<script");
        assertThat(branding.helpHtml()).contains("href=\"mailto:security&#64;example.com\"");
        assertThat(branding.footerText()).isEqualTo("Example Security Ltd");
        assertThat(branding.explanationFor("PENDING_VERIFICATION")).isEqualTo("We will check your fix within 5 days.");
        assertThat(branding.explanationFor("OPEN")).isEqualTo(PortalBranding.DEFAULT_STATUS_EXPLANATIONS.get("OPEN"));
        assertThat(branding.showPoweredBy()).isFalse();
        assertThat(auditTrail.entriesBy(pro, pro.admin().email())).anySatisfy(entry -> {
            assertThat(entry.action()).isEqualTo(AuditAction.PORTAL_BRANDING_CHANGED);
            assertThat(entry.details()).contains("#aa3300").contains("badge hidden");
        });
        assertThat(mvc.get().uri("/admin/portal-branding").cookie(proAdmin))
                .hasStatusOk()
                .bodyText()
                .contains("value=\"#aa3300\"")
                .contains("We will check your fix within 5 days.")
                .contains("preview.css?primary=%23aa3300&amp;accent=%23003366")
                .doesNotContain("Powered by Bridgehead</span>");
    }

    @Test
    void starterCannotRemoveTheBadgeOrUploadALogo() {
        Map<String, String> form = form("#123456", "#654321");
        form.put("hidePoweredBy", "true");

        MvcTestResult badge = save(starterAdmin, form);
        assertThat(badge).hasStatus(422);
        assertThat(Html.fieldError(Html.of(badge), "hidePoweredBy"))
                .isEqualTo("The Starter plan always shows the “Powered by Bridgehead” badge. Pro and Team can remove"
                        + " it.");
        assertThat(brandings.forWorkspace(starter.id()).showPoweredBy()).isTrue();
        assertThat(brandings.forWorkspace(starter.id()).primaryColour()).isEqualTo("#1f4e79");

        MvcTestResult logo = uploadLogo(starterAdmin, TestClients.png(200, 200, Color.RED));
        assertThat(logo).hasStatus(422);
        assertThat(Html.fieldError(Html.of(logo), "file"))
                .isEqualTo("Your own portal logo is part of the Pro and Team plans; this workspace is on the Starter"
                        + " plan.");
        assertThat(brandings.logo(starter.id())).isEmpty();

        assertThat(mvc.get().uri("/admin/portal-branding").cookie(starterAdmin))
                .bodyText()
                .contains("Not available on the Starter plan")
                .containsPattern("id=\"hidePoweredBy\"[^>]*disabled")
                .contains("Powered by Bridgehead</span>");
    }

    @Test
    void proUploadsALogoThatIsServedAsPngAndCanBeRemoved() {
        TestWorkspace fresh = testWorkspaces.create("Branding logo", Plan.TEAM);
        Cookie freshAdmin = SignIn.as(mvc, fresh.admin());

        assertThat(uploadLogo(freshAdmin, TestClients.png(300, 200, Color.BLUE)))
                .hasRedirectedUrl("/admin/portal-branding");

        byte[] stored = brandings.logo(fresh.id()).orElseThrow();
        assertThat(LogoImage.isPng(stored)).isTrue();
        PortalBranding branding = brandings.forWorkspace(fresh.id());
        assertThat(branding.customLogo()).isTrue();
        assertThat(branding.logoVersion()).isEqualTo(1);
        assertThat(mvc.get().uri("/admin/portal-branding/logo").cookie(freshAdmin))
                .hasStatusOk()
                .hasContentType("image/png")
                .hasHeader("X-Content-Type-Options", "nosniff");
        // The public copy for the portal's pages: the same PNG, never sniffed, never offered under another name.
        assertThat(mvc.get().uri("/portal/" + fresh.slug() + "/logo"))
                .hasStatusOk()
                .hasContentType("image/png")
                .hasHeader("X-Content-Type-Options", "nosniff")
                .hasHeader("Content-Disposition", "inline; filename=\"logo.png\"");
        assertThat(auditTrail.actionsBy(fresh, fresh.admin().email())).contains(AuditAction.PORTAL_BRANDING_CHANGED);

        assertThat(mvc.post()
                        .uri("/admin/portal-branding/logo/remove")
                        .cookie(freshAdmin)
                        .with(csrf()))
                .hasRedirectedUrl("/admin/portal-branding");
        assertThat(brandings.logo(fresh.id())).isEmpty();
        assertThat(brandings.forWorkspace(fresh.id()).customLogo()).isFalse();
        assertThat(mvc.get().uri("/admin/portal-branding/logo").cookie(freshAdmin))
                .hasStatus(404);
    }

    @Test
    void aLogoThatIsNoImageIsRefusedLikeAClientLogo() {
        MvcTestResult result = uploadLogo(proAdmin, "<svg onload=alert(1)>".getBytes(StandardCharsets.UTF_8));

        assertThat(result).hasStatus(422);
        assertThat(Html.fieldError(Html.of(result), "file")).isEqualTo("Upload a PNG or JPEG image.");
    }

    @Test
    void aDowngradeToStarterHidesTheLogoAndShowsTheBadgeAgainWithoutDeletingThem() {
        TestWorkspace fresh = testWorkspaces.create("Branding downgrade", Plan.PRO);
        Cookie freshAdmin = SignIn.as(mvc, fresh.admin());
        Map<String, String> form = form("#123456", "#654321");
        form.put("hidePoweredBy", "true");
        assertThat(save(freshAdmin, form)).hasRedirectedUrl("/admin/portal-branding");
        assertThat(uploadLogo(freshAdmin, TestClients.png(64, 64, Color.GREEN)))
                .hasRedirectedUrl("/admin/portal-branding");

        setPlan(fresh, Plan.STARTER);
        PortalBranding downgraded = brandings.forWorkspace(fresh.id());
        assertThat(downgraded.showPoweredBy()).isTrue();
        assertThat(downgraded.customLogo()).isFalse();
        assertThat(brandings.logo(fresh.id())).isEmpty();
        assertThat(downgraded.primaryColour()).isEqualTo("#123456");

        setPlan(fresh, Plan.PRO);
        assertThat(brandings.forWorkspace(fresh.id()).showPoweredBy()).isFalse();
        assertThat(brandings.logo(fresh.id())).isPresent();
    }

    @Test
    void thePreviewShowsSubmittedValuesWithoutSavingThem() {
        TestWorkspace fresh = testWorkspaces.create("Branding preview", Plan.PRO);
        Cookie freshAdmin = SignIn.as(mvc, fresh.admin());
        Map<String, String> form = form("#AA0000", "#00aa00");
        form.put("welcomeMessage", "Hello from the *preview*");
        form.put("footerText", "Preview footer");
        form.put("explainOpen", "Still open, we are on it.");

        MvcTestResult result = post(freshAdmin, "/admin/portal-branding/preview", form);

        assertThat(result)
                .hasStatusOk()
                .bodyText()
                .contains("They are not saved yet")
                .contains("Hello from the <em>preview</em>")
                .contains("Preview footer")
                .contains("Still open, we are on it.")
                .contains("preview.css?primary=%23aa0000&amp;accent=%2300aa00")
                .contains("Powered by Bridgehead</span>");
        assertThat(brandings.forWorkspace(fresh.id()).primaryColour()).isEqualTo("#1f4e79");
        assertThat(brandings.forWorkspace(fresh.id()).welcomeMessage()).isEmpty();

        MvcTestResult invalid = post(freshAdmin, "/admin/portal-branding/preview", form("blue", "#00aa00"));
        assertThat(invalid).hasStatus(422);
        assertThat(Html.fieldError(Html.of(invalid), "primaryColour")).isEqualTo(COLOUR_MESSAGE);
    }

    @Test
    void thePreviewStylesheetAcceptsOnlyValidatedColours() {
        assertThat(mvc.get()
                        .uri("/admin/portal-branding/preview.css")
                        .param("primary", "#FFEB3B")
                        .param("accent", "red;}body{display:none")
                        .cookie(proAdmin))
                .hasStatusOk()
                .hasContentType("text/css;charset=UTF-8")
                .hasHeader("X-Content-Type-Options", "nosniff")
                .bodyText()
                .isEqualTo(".portal-preview{--portal-primary:#ffeb3b;--portal-accent:#2e7d32;"
                        + "--portal-on-primary:#000000}\n");
    }

    @Test
    void anotherWorkspacesBrandingIsNeverReturned() {
        TestWorkspace a = testWorkspaces.create("Branding A", Plan.PRO);
        Cookie adminOfA = SignIn.as(mvc, a.admin());
        TestWorkspace b = testWorkspaces.create("Branding B", Plan.PRO);
        Cookie adminOfB = SignIn.as(mvc, b.admin());
        Map<String, String> form = form("#abcdef", "#fedcba");
        form.put("footerText", "Only for A");
        assertThat(save(adminOfA, form)).hasRedirectedUrl("/admin/portal-branding");
        assertThat(uploadLogo(adminOfA, TestClients.png(64, 64, Color.ORANGE)))
                .hasRedirectedUrl("/admin/portal-branding");

        assertThat(brandings.forWorkspace(b.id()).primaryColour()).isEqualTo("#1f4e79");
        assertThat(brandings.forWorkspace(b.id()).footerText()).isEmpty();
        assertThat(brandings.logo(b.id())).isEmpty();
        assertThat(mvc.get().uri("/admin/portal-branding").cookie(adminOfB))
                .bodyText()
                .doesNotContain("#abcdef")
                .doesNotContain("Only for A");
        assertThat(mvc.get().uri("/admin/portal-branding/logo").cookie(adminOfB))
                .hasStatus(404);
        // Row-level security: under B, even SQL naming A's row finds nothing.
        assertThat(transactions.readAs(
                        b.id(),
                        () -> jdbc.queryForObject(
                                "select count(*) from portal_branding where tenant_id = ?", Long.class, a.id())))
                .isZero();
    }

    @Test
    void nonAdminsAreRefusedEveryBrandingPage() {
        Cookie analyst = SignIn.as(mvc, testWorkspaces.addUser(pro, PlatformRole.ANALYST));
        Cookie viewer = SignIn.as(mvc, testWorkspaces.addUser(pro, PlatformRole.VIEWER));

        for (Cookie session : new Cookie[] {analyst, viewer}) {
            assertThat(mvc.get().uri("/admin/portal-branding").cookie(session)).hasStatus(403);
            assertThat(mvc.get().uri("/admin/portal-branding/preview.css").cookie(session))
                    .hasStatus(403);
            assertThat(mvc.get().uri("/admin/portal-branding/logo").cookie(session))
                    .hasStatus(403);
            assertThat(save(session, form("#000000", "#ffffff"))).hasStatus(403);
            assertThat(post(session, "/admin/portal-branding/preview", form("#000000", "#ffffff")))
                    .hasStatus(403);
            assertThat(uploadLogo(session, TestClients.png(64, 64, Color.RED))).hasStatus(403);
        }
        assertThat(brandings.forWorkspace(pro.id()).primaryColour()).isNotEqualTo("#000000");
    }

    private static PortalBranding branding(String primary, String accent) {
        return new PortalBranding("Acme", primary, accent, "", "", "", Map.of(), true, false, "", "", 0);
    }

    private static Map<String, String> form(String primary, String accent) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("primaryColour", primary);
        form.put("accentColour", accent);
        form.put("welcomeMessage", "Welcome from the form");
        form.put("footerText", "");
        form.put("helpText", "");
        for (String field : new String[] {
            "explainOpen",
            "explainPendingVerification",
            "explainRetestRequested",
            "explainVerifiedFixed",
            "explainPartiallyFixed",
            "explainAcceptedRisk",
            "explainClosed"
        }) {
            form.put(field, "");
        }
        return form;
    }

    private MvcTestResult save(Cookie session, Map<String, String> form) {
        return post(session, "/admin/portal-branding", form);
    }

    private MvcTestResult post(Cookie session, String uri, Map<String, String> form) {
        var request = mvc.post().uri(uri).cookie(session).with(csrf());
        for (Map.Entry<String, String> field : form.entrySet()) {
            request = request.param(field.getKey(), field.getValue());
        }
        return request.exchange();
    }

    private MvcTestResult uploadLogo(Cookie session, byte[] bytes) {
        return mvc.post()
                .uri("/admin/portal-branding/logo")
                .multipart()
                .file(new MockMultipartFile("file", "logo.png", "image/png", bytes))
                .cookie(session)
                .with(csrf())
                .exchange();
    }

    private void setPlan(TestWorkspace workspace, Plan plan) {
        transactions.writeAs(
                workspace.id(),
                () -> jdbc.update("update workspace set plan = ? where id = ?", plan.name(), workspace.id()));
    }
}
