package io.bridgehead.tenancy;

import io.bridgehead.access.Permission;
import io.bridgehead.access.Permissions;
import io.bridgehead.audit.AuditAction;
import io.bridgehead.audit.AuditEvent;
import io.bridgehead.shared.RuleViolation;
import io.bridgehead.shared.Text;
import io.bridgehead.shared.images.LogoImage;
import io.bridgehead.shared.images.LogoRejected;
import io.bridgehead.shared.tenant.ScopedTransactions;
import io.bridgehead.shared.tenant.TenantContext;
import io.bridgehead.shared.web.Markdown;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The look of each workspace's client portal. The portal reads it by workspace id ({@link #forWorkspace}, {@link
 * #logo}), also before anyone has signed in; Admins change it on {@code /admin/portal-branding}. The plan decides what
 * may be customised ({@link PlanAllowances#customBranding}): a Starter workspace always shows the "Powered by
 * Bridgehead" badge and the default logo.
 */
@Service
public class PortalBrandings {

    static final String HIDE_BADGE_ON_STARTER =
            "The Starter plan always shows the “Powered by Bridgehead” badge. Pro and Team can remove it.";
    static final String LOGO_ON_STARTER =
            "Your own portal logo is part of the Pro and Team plans; this workspace is on the Starter plan.";

    private final JdbcTemplate jdbc;
    private final WorkspaceRepository workspaces;
    private final PlanAllowances allowances;
    private final ScopedTransactions transactions;
    private final Permissions permissions;
    private final Markdown markdown;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    PortalBrandings(
            JdbcTemplate jdbc,
            WorkspaceRepository workspaces,
            PlanAllowances allowances,
            ScopedTransactions transactions,
            Permissions permissions,
            Markdown markdown,
            ApplicationEventPublisher events,
            Clock clock) {
        this.jdbc = jdbc;
        this.workspaces = workspaces;
        this.allowances = allowances;
        this.transactions = transactions;
        this.permissions = permissions;
        this.markdown = markdown;
        this.events = events;
        this.clock = clock;
    }

    /** The portal's look for a workspace, read under that workspace (no signed-in user needed). */
    public PortalBranding forWorkspace(UUID tenantId) {
        return transactions.readAs(tenantId, () -> branding(tenantId));
    }

    /** The workspace's own portal logo (256×256 PNG); empty when none was uploaded or the plan does not allow one. */
    public Optional<byte[]> logo(UUID tenantId) {
        return transactions.readAs(tenantId, () -> {
            if (!allowances.customBranding(workspace(tenantId).view().plan())) {
                return Optional.empty();
            }
            List<byte[]> logos = jdbc.query(
                    "select logo_png from portal_branding where tenant_id = ? and logo_png is not null",
                    (rs, i) -> rs.getBytes(1),
                    tenantId);
            return logos.stream().findFirst();
        });
    }

    /** The current workspace's branding as the Admin's page edits it. */
    @Transactional(readOnly = true)
    public PortalBrandingForm currentForm() {
        permissions.require(Permission.ADMINISTER_WORKSPACE);
        UUID tenant = TenantContext.require();
        return PortalBrandingForm.of(
                branding(tenant), stored(tenant).map(Stored::hidePoweredBy).orElse(false));
    }

    /** The current workspace's branding as its portal shows it. */
    @Transactional(readOnly = true)
    public PortalBranding current() {
        permissions.require(Permission.ADMINISTER_WORKSPACE);
        return branding(TenantContext.require());
    }

    /** Whether the current workspace's plan allows its own logo and removing the badge. */
    @Transactional(readOnly = true)
    public boolean customBrandingAllowed() {
        return allowances.customBranding(
                workspace(TenantContext.require()).view().plan());
    }

    /**
     * The branding as it would look with these (validated) values, without saving anything: for the Admin's preview.
     * The plan's rules apply as they would after saving.
     */
    @Transactional(readOnly = true)
    public PortalBranding preview(PortalBrandingForm form) {
        permissions.require(Permission.ADMINISTER_WORKSPACE);
        UUID tenant = TenantContext.require();
        Workspace workspace = workspace(tenant);
        boolean custom = allowances.customBranding(workspace.view().plan());
        Optional<Stored> stored = stored(tenant);
        return assemble(
                workspace.name(),
                new Stored(
                        form.primaryColour(),
                        form.accentColour(),
                        Text.strippedOrEmpty(form.welcomeMessage()),
                        Text.strippedOrEmpty(form.footerText()),
                        Text.strippedOrEmpty(form.helpText()),
                        form.explanations(),
                        form.hidesPoweredBy(),
                        stored.map(Stored::hasLogo).orElse(false),
                        stored.map(Stored::logoVersion).orElse(0)),
                custom);
    }

    /**
     * Saves the Admin's branding. Removing the badge on the Starter plan throws a {@link RuleViolation} on
     * {@code hidePoweredBy}; colours must already be validated ({@code #rrggbb}).
     */
    @Transactional
    public void update(PortalBrandingForm form) {
        permissions.require(Permission.ADMINISTER_WORKSPACE);
        UUID tenant = TenantContext.require();
        Workspace workspace = workspace(tenant);
        if (form.hidesPoweredBy() && !allowances.customBranding(workspace.view().plan())) {
            throw RuleViolation.of("hidePoweredBy", HIDE_BADGE_ON_STARTER);
        }
        String primary = colour(form.primaryColour(), "primaryColour");
        String accent = colour(form.accentColour(), "accentColour");
        Map<String, String> explanations = form.explanations();
        jdbc.update(
                "insert into portal_branding (tenant_id, primary_colour, accent_colour, welcome_message, footer_text,"
                        + " help_text, explain_open, explain_pending_verification, explain_retest_requested,"
                        + " explain_verified_fixed, explain_partially_fixed, explain_accepted_risk, explain_closed,"
                        + " hide_powered_by, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                        + " on conflict (tenant_id) do update set primary_colour = excluded.primary_colour,"
                        + " accent_colour = excluded.accent_colour, welcome_message = excluded.welcome_message,"
                        + " footer_text = excluded.footer_text, help_text = excluded.help_text,"
                        + " explain_open = excluded.explain_open,"
                        + " explain_pending_verification = excluded.explain_pending_verification,"
                        + " explain_retest_requested = excluded.explain_retest_requested,"
                        + " explain_verified_fixed = excluded.explain_verified_fixed,"
                        + " explain_partially_fixed = excluded.explain_partially_fixed,"
                        + " explain_accepted_risk = excluded.explain_accepted_risk,"
                        + " explain_closed = excluded.explain_closed, hide_powered_by = excluded.hide_powered_by,"
                        + " updated_at = excluded.updated_at",
                tenant,
                primary,
                accent,
                Text.strippedOrEmpty(form.welcomeMessage()),
                Text.strippedOrEmpty(form.footerText()),
                Text.strippedOrEmpty(form.helpText()),
                explanations.get("OPEN"),
                explanations.get("PENDING_VERIFICATION"),
                explanations.get("RETEST_REQUESTED"),
                explanations.get("VERIFIED_FIXED"),
                explanations.get("PARTIALLY_FIXED"),
                explanations.get("ACCEPTED_RISK"),
                explanations.get("CLOSED"),
                form.hidesPoweredBy(),
                Timestamp.from(Instant.now(clock)));
        events.publishEvent(AuditEvent.byCurrentActor(
                AuditAction.PORTAL_BRANDING_CHANGED,
                workspace.name(),
                "Colours " + primary + " / " + accent + ", badge "
                        + (form.hidesPoweredBy() ? "hidden" : "shown") + ", " + explanations.size()
                        + " own status explanation(s)"));
    }

    /**
     * Replaces the portal logo: checked and re-encoded by {@link LogoImage} (a refused image throws {@link
     * LogoRejected}); on the Starter plan refused with a {@link RuleViolation} on {@code file}.
     */
    @Transactional
    public void replaceLogo(byte[] upload, LogoImage.Crop crop) {
        permissions.require(Permission.ADMINISTER_WORKSPACE);
        UUID tenant = TenantContext.require();
        Workspace workspace = workspace(tenant);
        if (!allowances.customBranding(workspace.view().plan())) {
            throw RuleViolation.of("file", LOGO_ON_STARTER);
        }
        byte[] png = LogoImage.process(upload, crop);
        jdbc.update(
                "insert into portal_branding (tenant_id, primary_colour, accent_colour, logo_png, logo_version,"
                        + " updated_at) values (?, ?, ?, ?, 1, ?)"
                        + " on conflict (tenant_id) do update set logo_png = excluded.logo_png,"
                        + " logo_version = portal_branding.logo_version + 1, updated_at = excluded.updated_at",
                tenant,
                PortalBranding.DEFAULT_PRIMARY_COLOUR,
                PortalBranding.DEFAULT_ACCENT_COLOUR,
                png,
                Timestamp.from(Instant.now(clock)));
        events.publishEvent(
                AuditEvent.byCurrentActor(AuditAction.PORTAL_BRANDING_CHANGED, workspace.name(), "New portal logo"));
    }

    @Transactional
    public void removeLogo() {
        permissions.require(Permission.ADMINISTER_WORKSPACE);
        UUID tenant = TenantContext.require();
        int removed = jdbc.update(
                "update portal_branding set logo_png = null, logo_version = logo_version + 1, updated_at = ?"
                        + " where tenant_id = ? and logo_png is not null",
                Timestamp.from(Instant.now(clock)),
                tenant);
        if (removed > 0) {
            events.publishEvent(AuditEvent.byCurrentActor(
                    AuditAction.PORTAL_BRANDING_CHANGED, workspace(tenant).name(), "Portal logo removed"));
        }
    }

    // Runs inside a transaction of the given workspace.
    private PortalBranding branding(UUID tenant) {
        Workspace workspace = workspace(tenant);
        boolean custom = allowances.customBranding(workspace.view().plan());
        return assemble(workspace.name(), stored(tenant).orElseGet(Stored::defaults), custom);
    }

    private PortalBranding assemble(String workspaceName, Stored stored, boolean customAllowed) {
        return new PortalBranding(
                workspaceName,
                stored.primaryColour(),
                stored.accentColour(),
                stored.welcomeMessage(),
                stored.footerText(),
                stored.helpText(),
                stored.explanations(),
                !(customAllowed && stored.hidePoweredBy()),
                customAllowed && stored.hasLogo(),
                markdown.toHtml(stored.welcomeMessage()),
                markdown.toHtml(stored.helpText()),
                stored.logoVersion());
    }

    private Workspace workspace(UUID tenant) {
        return workspaces.findById(tenant).orElseThrow(() -> new IllegalStateException("Unknown workspace"));
    }

    private Optional<Stored> stored(UUID tenant) {
        return jdbc
                .query(
                        "select primary_colour, accent_colour, welcome_message, footer_text, help_text, explain_open,"
                                + " explain_pending_verification, explain_retest_requested, explain_verified_fixed,"
                                + " explain_partially_fixed, explain_accepted_risk, explain_closed, hide_powered_by,"
                                + " logo_png is not null, logo_version from portal_branding where tenant_id = ?",
                        (rs, i) -> Stored.of(rs),
                        tenant)
                .stream()
                .findFirst();
    }

    // The database accepts only lower-case #rrggbb; a value the form did not validate is a programming error.
    private static String colour(String value, String field) {
        if (!PortalBranding.isColour(value)) {
            throw RuleViolation.of(field, PortalBrandingForm.COLOUR_MESSAGE);
        }
        return value.toLowerCase(Locale.ROOT);
    }

    /** A portal_branding row (or the defaults when there is none), before the plan's rules. */
    private record Stored(
            String primaryColour,
            String accentColour,
            String welcomeMessage,
            String footerText,
            String helpText,
            Map<String, String> explanations,
            boolean hidePoweredBy,
            boolean hasLogo,
            int logoVersion) {

        static Stored defaults() {
            return new Stored(
                    PortalBranding.DEFAULT_PRIMARY_COLOUR,
                    PortalBranding.DEFAULT_ACCENT_COLOUR,
                    "",
                    "",
                    "",
                    Map.of(),
                    false,
                    false,
                    0);
        }

        static Stored of(ResultSet rs) throws SQLException {
            Map<String, String> explanations = new HashMap<>();
            for (int i = 0; i < PortalBranding.STATUSES.size(); i++) {
                String sentence = rs.getString(6 + i);
                if (sentence != null) {
                    explanations.put(PortalBranding.STATUSES.get(i), sentence);
                }
            }
            return new Stored(
                    rs.getString(1),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getString(5),
                    explanations,
                    rs.getBoolean(13),
                    rs.getBoolean(14),
                    rs.getInt(15));
        }
    }
}
