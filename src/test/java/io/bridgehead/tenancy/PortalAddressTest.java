package io.bridgehead.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import io.bridgehead.access.PlatformRole;
import io.bridgehead.audit.AuditAction;
import io.bridgehead.shared.tenant.ScopedTransactions;
import io.bridgehead.support.AuditTrail;
import io.bridgehead.support.Html;
import io.bridgehead.support.IntegrationTest;
import io.bridgehead.support.SignIn;
import io.bridgehead.support.TestWorkspaces;
import io.bridgehead.support.TestWorkspaces.TestWorkspace;
import jakarta.servlet.http.Cookie;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** The portal address (the workspace's slug): changing it, the 30-day cooldown, released slugs and resolving them. */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PortalAddressTest {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    TestWorkspaces testWorkspaces;

    @Autowired
    Workspaces workspaces;

    @Autowired
    PortalAddresses addresses;

    @Autowired
    AuditTrail auditTrail;

    @Autowired
    ScopedTransactions transactions;

    @Autowired
    JdbcTemplate jdbc;

    TestWorkspace workspace;
    Cookie admin;
    TestWorkspace other;

    @BeforeAll
    void createWorkspaces() {
        workspace = testWorkspaces.create("Address");
        admin = SignIn.as(mvc, workspace.admin());
        other = testWorkspaces.create("Address other");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '"',
            value = {
                "\"\"                                                    | Enter the new address name.",
                "ab                                                    | Use 3 to 50 characters.",
                "abcdefghij-abcdefghij-abcdefghij-abcdefghij-abcdefghij | Use 3 to 50 characters.",
                "acme_co                                               | Use only lower-case letters, digits and single dashes",
                "-acme                                                 | Use only lower-case letters, digits and single dashes",
                "acme-                                                 | Use only lower-case letters, digits and single dashes",
                "ac--me                                                | Use only lower-case letters, digits and single dashes",
                "acmé                                                  | Use only lower-case letters, digits and single dashes",
                "admin                                                 | “admin” is reserved by Bridgehead. Choose another name.",
                "WWW                                                   | “www” is reserved by Bridgehead. Choose another name.",
                "portal                                                | “portal” is reserved by Bridgehead. Choose another name.",
            })
    void aMalformedOrReservedSlugIsRefusedWithAMessageAtTheField(String slug, String message) {
        MvcTestResult result = change(workspace, admin, slug, true);

        assertThat(result).hasStatus(422);
        assertThat(Html.fieldError(Html.of(result), "slug")).startsWith(message);
        assertThat(Html.of(result)).contains("aria-describedby=\"slug-hint slug-error\"");
        assertThat(currentSlug(workspace)).isEqualTo(workspace.slug());
    }

    @Test
    void aSlugTakenByAnotherWorkspaceOrAlreadyOwnIsRefused() {
        assertThat(Html.fieldError(Html.of(change(workspace, admin, other.slug(), true)), "slug"))
                .isEqualTo("This address is taken by another workspace. Choose another name.");
        assertThat(Html.fieldError(Html.of(change(workspace, admin, workspace.slug(), true)), "slug"))
                .isEqualTo("This is already the workspace&#39;s address.");
        assertThat(currentSlug(workspace)).isEqualTo(workspace.slug());
    }

    @Test
    void theChangeMustBeConfirmed() {
        TestWorkspace fresh = testWorkspaces.create("Address confirm");
        Cookie freshAdmin = SignIn.as(mvc, fresh.admin());

        MvcTestResult result = change(fresh, freshAdmin, fresh.slug() + "-new", false);

        assertThat(result).hasStatus(422);
        assertThat(Html.fieldError(Html.of(result), "confirmed"))
                .isEqualTo("Tick the box to confirm that the old address stops working.");
        assertThat(Html.of(result)).contains("value=\"" + fresh.slug() + "-new\"");
        assertThat(currentSlug(fresh)).isEqualTo(fresh.slug());
    }

    @Test
    void theFirstChangeIsAllowedAndTheNextOnlyAfter30Days() {
        TestWorkspace fresh = testWorkspaces.create("Address cooldown");
        Cookie freshAdmin = SignIn.as(mvc, fresh.admin());
        String first = unique("first");

        MvcTestResult changed = change(fresh, freshAdmin, first.toUpperCase(java.util.Locale.ROOT), true);
        assertThat(changed).hasRedirectedUrl("/admin/workspace");
        assertThat(changed)
                .flash()
                .containsEntry(
                        "flash",
                        "Portal address changed to " + addresses.baseUrl(first)
                                + ". The old address keeps leading to your portal for 30 days.");
        assertThat(currentSlug(fresh)).isEqualTo(first);
        Instant changedAt = slugChangedAt(fresh);
        String from = Workspaces.formatMinute(changedAt.plusSeconds(30L * 24 * 3600 + 59));
        assertThat(mvc.get().uri("/admin/workspace").cookie(freshAdmin))
                .bodyText()
                .contains("You can change the address again from " + from + ".")
                .doesNotContain("id=\"slug\"");

        // A form sent from a page opened before the change is refused the same way.
        MvcTestResult tooSoon = change(fresh, freshAdmin, unique("second"), true);
        assertThat(tooSoon).hasStatus(422).bodyText().contains("You can change the address again from " + from + ".");
        assertThat(currentSlug(fresh)).isEqualTo(first);

        movePast30Days(fresh);
        String second = unique("second");
        assertThat(change(fresh, freshAdmin, second, true)).hasRedirectedUrl("/admin/workspace");
        assertThat(currentSlug(fresh)).isEqualTo(second);
    }

    @Test
    void aReleasedSlugIsReservedForItsWorkspaceFor30DaysThenFree() {
        TestWorkspace releasing = testWorkspaces.create("Address releasing");
        Cookie releasingAdmin = SignIn.as(mvc, releasing.admin());
        TestWorkspace taking = testWorkspaces.create("Address taking");
        Cookie takingAdmin = SignIn.as(mvc, taking.admin());
        String released = releasing.slug();

        assertThat(change(releasing, releasingAdmin, unique("renamed"), true)).hasRedirectedUrl("/admin/workspace");

        MvcTestResult refused = change(taking, takingAdmin, released, true);
        assertThat(refused).hasStatus(422);
        assertThat(Html.fieldError(Html.of(refused), "slug"))
                .isEqualTo("Another workspace used this address recently; it stays reserved for that workspace for"
                        + " 30 days. Choose another name.");
        assertThat(workspaces.freeSlugFor(releasing.name())).isNotEqualTo(released);

        ageReleases(releasing, 31);
        assertThat(workspaces.forPortalSlug(released)).isEmpty();
        assertThat(change(taking, takingAdmin, released, true)).hasRedirectedUrl("/admin/workspace");
        assertThat(workspaces.forPortalSlug(released)).map(PortalWorkspace::id).contains(taking.id());
    }

    @Test
    void aWorkspaceMayTakeBackItsOwnReleasedSlug() {
        TestWorkspace fresh = testWorkspaces.create("Address back");
        Cookie freshAdmin = SignIn.as(mvc, fresh.admin());
        String original = fresh.slug();
        String interim = unique("interim");
        assertThat(change(fresh, freshAdmin, interim, true)).hasRedirectedUrl("/admin/workspace");
        movePast30Days(fresh);
        ageReleases(fresh, 29); // still reserved, and reserved for this very workspace

        assertThat(change(fresh, freshAdmin, original, true)).hasRedirectedUrl("/admin/workspace");

        assertThat(currentSlug(fresh)).isEqualTo(original);
        assertThat(workspaces.forPortalSlug(original))
                .contains(new PortalWorkspace(fresh.id(), fresh.name(), original));
        assertThat(workspaces.forPortalSlug(interim)).contains(new PortalWorkspace(fresh.id(), fresh.name(), original));
        assertThat(releasedSlugs(fresh)).isEqualTo(1);
    }

    @Test
    void forPortalSlugResolvesCurrentAndRecentlyReleasedSlugsOnly() {
        TestWorkspace fresh = testWorkspaces.create("Address resolve");
        String old = fresh.slug();
        assertThat(workspaces.forPortalSlug(old)).contains(new PortalWorkspace(fresh.id(), fresh.name(), old));
        assertThat(workspaces.forPortalSlug(old.toUpperCase(java.util.Locale.ROOT)))
                .map(PortalWorkspace::id)
                .contains(fresh.id());

        String renamed = unique("resolved");
        io.bridgehead.support.ActingAs.run(
                fresh, fresh.admin(), () -> workspaces.changeSlug(new SlugChange(renamed, true)));

        assertThat(workspaces.forPortalSlug(renamed)).contains(new PortalWorkspace(fresh.id(), fresh.name(), renamed));
        assertThat(workspaces.forPortalSlug(old)).contains(new PortalWorkspace(fresh.id(), fresh.name(), renamed));
        assertThat(workspaces.forPortalSlug(unique("nobody"))).isEmpty();
        assertThat(workspaces.forPortalSlug("not a slug")).isEmpty();
        assertThat(workspaces.forPortalSlug(null)).isEmpty();

        ageReleases(fresh, 31);
        assertThat(workspaces.forPortalSlug(old)).isEmpty();
        assertThat(workspaces.forPortalSlug(renamed)).isPresent();
    }

    @Test
    void aSlugChangeIsAudited() {
        TestWorkspace fresh = testWorkspaces.create("Address audit");
        Cookie freshAdmin = SignIn.as(mvc, fresh.admin());
        String renamed = unique("audited");

        change(fresh, freshAdmin, renamed, true);

        assertThat(auditTrail.entriesBy(fresh, fresh.admin().email())).anySatisfy(entry -> {
            assertThat(entry.action()).isEqualTo(AuditAction.PORTAL_ADDRESS_CHANGED);
            assertThat(entry.details()).contains(fresh.slug() + " → " + renamed);
        });
    }

    @Test
    void generatedSlugsAvoidReservedWords() {
        assertThat(workspaces.freeSlugFor("Admin")).startsWith("admin-");
        assertThat(workspaces.freeSlugFor("WWW")).startsWith("www-");
    }

    @Test
    void onlyAdminsChangeTheAddress() {
        Cookie analyst = SignIn.as(mvc, testWorkspaces.addUser(workspace, PlatformRole.ANALYST));

        assertThat(change(workspace, analyst, unique("analyst"), true)).hasStatus(403);
        assertThat(currentSlug(workspace)).isEqualTo(workspace.slug());
    }

    @Test
    void withoutAPortalDomainTheAddressIsThePathAndPortalHostsAreNotSpecial() {
        assertThat(addresses.domain()).isEmpty();
        assertThat(addresses.baseUrl(workspace.slug())).endsWith("/portal/" + workspace.slug());
        assertThat(addresses.allUrls(workspace.slug())).hasSize(1);
        assertThat(mvc.get().uri("/host-probe").with(request -> {
                    request.setServerName(workspace.slug() + ".portal.test");
                    return request;
                }))
                .hasRedirectedUrl("/login");
    }

    private MvcTestResult change(TestWorkspace target, Cookie session, String slug, boolean confirmed) {
        var request = mvc.post()
                .uri("/admin/workspace/portal-address")
                .cookie(session)
                .with(csrf())
                .param("slug", slug);
        if (confirmed) {
            request = request.param("confirmed", "true");
        }
        return request.exchange();
    }

    private String currentSlug(TestWorkspace target) {
        return transactions.readAs(
                target.id(),
                () -> jdbc.queryForObject("select slug from workspace where id = ?", String.class, target.id()));
    }

    private Instant slugChangedAt(TestWorkspace target) {
        return transactions
                .readAs(
                        target.id(),
                        () -> jdbc.queryForObject(
                                "select slug_changed_at from workspace where id = ?", Timestamp.class, target.id()))
                .toInstant();
    }

    // Time passes in the database: the workspace's own rows moved back, as its application role may.
    private void movePast30Days(TestWorkspace target) {
        transactions.writeAs(
                target.id(),
                () -> jdbc.update(
                        "update workspace set slug_changed_at = slug_changed_at - interval '31 days' where id = ?",
                        target.id()));
    }

    private void ageReleases(TestWorkspace target, int days) {
        transactions.writeAs(
                target.id(),
                () -> jdbc.update(
                        "update workspace_released_slug set released_at = now() - make_interval(days => ?)"
                                + " where tenant_id = ?",
                        days,
                        target.id()));
    }

    private long releasedSlugs(TestWorkspace target) {
        return transactions.readAs(
                target.id(),
                () -> jdbc.queryForObject(
                        "select count(*) from workspace_released_slug where tenant_id = ?", Long.class, target.id()));
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
