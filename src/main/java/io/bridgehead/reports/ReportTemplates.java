package io.bridgehead.reports;

import io.bridgehead.access.Permission;
import io.bridgehead.access.Permissions;
import io.bridgehead.audit.AuditAction;
import io.bridgehead.audit.AuditEvent;
import io.bridgehead.shared.NotFoundException;
import io.bridgehead.shared.RuleViolation;
import io.bridgehead.shared.security.CurrentActor;
import io.bridgehead.shared.security.NamedActor;
import io.bridgehead.shared.tenant.TenantContext;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The workspace's report templates, managed by Admins. A template is data — colours, a cover subtitle, Markdown
 * sections and CSS that passed {@link ReportCss} — copied into each version made with it. Deleting archives: versions
 * keep pointing at the template they were made with.
 */
@Service
public class ReportTemplates {

    private final JdbcTemplate jdbc;
    private final Permissions permissions;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ReportTemplates(JdbcTemplate jdbc, Permissions permissions, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.permissions = permissions;
        this.events = events;
        this.clock = clock;
    }

    /** The templates in use, by name, for the Admin's list. */
    @Transactional(readOnly = true)
    public List<ReportTemplateView> list() {
        permissions.require(Permission.MANAGE_REPORT_TEMPLATES);
        return choices();
    }

    /** The templates people may generate with (besides the built-in Default); names only, for the generate form. */
    @Transactional(readOnly = true)
    public List<ReportTemplateView> choices() {
        return jdbc.query(
                "select id, name, primary_colour, updated_at from report_template where tenant_id = ?"
                        + " and archived_at is null order by lower(name)",
                (rs, i) -> new ReportTemplateView(
                        rs.getObject(1, UUID.class),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getTimestamp(4).toInstant()),
                TenantContext.require());
    }

    @Transactional(readOnly = true)
    public ReportTemplateCmd form(UUID id) {
        permissions.require(Permission.MANAGE_REPORT_TEMPLATES);
        ReportSnapshot.Template t = find(id);
        return new ReportTemplateCmd(
                t.name(),
                t.primaryColour(),
                t.accentColour(),
                t.coverLayout(),
                t.coverSubtitle(),
                t.coverNote(),
                t.introduction(),
                t.closing(),
                t.customCss());
    }

    @Transactional
    public UUID create(ReportTemplateCmd cmd) {
        permissions.require(Permission.MANAGE_REPORT_TEMPLATES);
        String css = checkedCss(cmd);
        checkName(cmd.name(), null);
        UUID id = UUID.randomUUID();
        UUID user = actor().userId();
        Timestamp now = Timestamp.from(Instant.now(clock));
        save(() -> jdbc.update(
                "insert into report_template (tenant_id, id, name, primary_colour, accent_colour,"
                        + " cover_layout, cover_subtitle, cover_note, introduction, closing, custom_css, created_by,"
                        + " created_at, updated_by, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                TenantContext.require(),
                id,
                cmd.name().strip(),
                cmd.primaryColour(),
                cmd.accentColour(),
                cmd.coverLayout(),
                cmd.coverSubtitle().strip(),
                cmd.coverNote(),
                cmd.introduction(),
                cmd.closing(),
                css,
                user,
                now,
                user,
                now));
        audit(AuditAction.REPORT_TEMPLATE_CREATED, cmd.name().strip(), id);
        return id;
    }

    @Transactional
    public void update(UUID id, ReportTemplateCmd cmd) {
        permissions.require(Permission.MANAGE_REPORT_TEMPLATES);
        find(id);
        String css = checkedCss(cmd);
        checkName(cmd.name(), id);
        save(() -> jdbc.update(
                "update report_template set name = ?, primary_colour = ?, accent_colour = ?,"
                        + " cover_layout = ?, cover_subtitle = ?, cover_note = ?, introduction = ?, closing = ?,"
                        + " custom_css = ?, updated_by = ?,"
                        + " updated_at = ? where tenant_id = ? and id = ? and archived_at is null",
                cmd.name().strip(),
                cmd.primaryColour(),
                cmd.accentColour(),
                cmd.coverLayout(),
                cmd.coverSubtitle().strip(),
                cmd.coverNote(),
                cmd.introduction(),
                cmd.closing(),
                css,
                actor().userId(),
                Timestamp.from(Instant.now(clock)),
                TenantContext.require(),
                id));
        audit(AuditAction.REPORT_TEMPLATE_UPDATED, cmd.name().strip(), id);
    }

    /** Takes the template out of the lists; versions made with it keep it. */
    @Transactional
    public void archive(UUID id) {
        permissions.require(Permission.MANAGE_REPORT_TEMPLATES);
        ReportSnapshot.Template t = find(id);
        jdbc.update(
                "update report_template set archived_at = ?, updated_by = ?, updated_at = ? where tenant_id = ?"
                        + " and id = ?",
                Timestamp.from(Instant.now(clock)),
                actor().userId(),
                Timestamp.from(Instant.now(clock)),
                TenantContext.require(),
                id);
        audit(AuditAction.REPORT_TEMPLATE_DELETED, t.name(), null);
    }

    /**
     * The saved template (null: the built-in Default) as the renderer takes it, for a preview on sample data. The
     * caller lays it out after this transaction ends, so no connection is held during layout.
     */
    @Transactional(readOnly = true)
    ReportStyle previewStyle(UUID id) {
        permissions.require(Permission.MANAGE_REPORT_TEMPLATES);
        return ReportStyle.of(id == null ? null : find(id));
    }

    /**
     * Unsaved form input as the renderer takes it, checked exactly as saving would check it (the name aside), so an
     * Admin can see a change before keeping it.
     */
    ReportStyle previewStyle(ReportTemplateCmd cmd) {
        permissions.require(Permission.MANAGE_REPORT_TEMPLATES);
        String css = checkedCss(cmd);
        return ReportStyle.of(new ReportSnapshot.Template(
                null,
                cmd.name(),
                cmd.primaryColour(),
                cmd.accentColour(),
                cmd.coverLayout(),
                cmd.coverSubtitle() == null ? "" : cmd.coverSubtitle().strip(),
                cmd.coverNote(),
                cmd.introduction(),
                cmd.closing(),
                css));
    }

    /** A template in use, copied for a new version; another workspace's or an archived one is not found. */
    ReportSnapshot.Template forReport(UUID id) {
        return find(id);
    }

    private ReportSnapshot.Template find(UUID id) {
        return jdbc
                .query(
                        "select id, name, primary_colour, accent_colour, cover_layout, cover_subtitle, cover_note,"
                                + " introduction, closing, custom_css from report_template where tenant_id = ? and id = ?"
                                + " and archived_at is null",
                        (rs, i) -> new ReportSnapshot.Template(
                                rs.getObject(1, UUID.class),
                                rs.getString(2),
                                rs.getString(3),
                                rs.getString(4),
                                rs.getString(5),
                                rs.getString(6),
                                rs.getString(7),
                                rs.getString(8),
                                rs.getString(9),
                                rs.getString(10)),
                        TenantContext.require(),
                        id)
                .stream()
                .findFirst()
                .orElseThrow(() -> NotFoundException.of("Report template", id));
    }

    private static String checkedCss(ReportTemplateCmd cmd) {
        ReportCss.Checked checked = ReportCss.check(cmd.customCss());
        if (!checked.ok()) {
            throw RuleViolation.of("customCss", String.join(" ", checked.problems()));
        }
        // The Admin's own text is kept (it passed); the renderer rebuilds it through the filter again.
        return cmd.customCss();
    }

    private void checkName(String name, UUID self) {
        String wanted = name.strip();
        if (wanted.toLowerCase(Locale.ROOT).equals("default")) {
            throw RuleViolation.of("name", "“Default” is the built-in template; choose another name.");
        }
        Integer taken = jdbc.queryForObject(
                "select count(*) from report_template where tenant_id = ? and lower(name) = lower(?)"
                        + " and archived_at is null and id is distinct from ?",
                Integer.class,
                TenantContext.require(),
                wanted,
                self);
        if (taken != null && taken > 0) {
            throw RuleViolation.of("name", "Another template is already called “" + wanted + "”.");
        }
    }

    // Two Admins saving the same name at once: the unique index decides, and the loser gets the field message.
    private static void save(Runnable write) {
        try {
            write.run();
        } catch (DuplicateKeyException e) {
            throw RuleViolation.of("name", "Another template already has this name.");
        }
    }

    private void audit(AuditAction action, String name, UUID id) {
        events.publishEvent(AuditEvent.byCurrentActor(action, name, id == null ? null : "Template " + id));
    }

    private static NamedActor actor() {
        return CurrentActor.get()
                .filter(NamedActor.class::isInstance)
                .map(NamedActor.class::cast)
                .orElseThrow(() -> new IllegalStateException("No signed-in staff user"));
    }
}
