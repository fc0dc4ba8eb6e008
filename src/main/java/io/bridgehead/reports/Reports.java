package io.bridgehead.reports;

import io.bridgehead.access.Permission;
import io.bridgehead.access.Permissions;
import io.bridgehead.access.PortalAction;
import io.bridgehead.access.PortalActor;
import io.bridgehead.access.PortalPermissions;
import io.bridgehead.audit.AuditAction;
import io.bridgehead.audit.AuditEvent;
import io.bridgehead.clients.ClientLogos;
import io.bridgehead.clients.ClientPortals;
import io.bridgehead.clients.Clients;
import io.bridgehead.clients.ReportBranding;
import io.bridgehead.findings.FindingView;
import io.bridgehead.findings.Findings;
import io.bridgehead.findings.ReportableFinding;
import io.bridgehead.findings.Severity;
import io.bridgehead.projects.ClientVisibleProjects;
import io.bridgehead.projects.ProjectView;
import io.bridgehead.projects.Projects;
import io.bridgehead.shared.ConflictException;
import io.bridgehead.shared.NotFoundException;
import io.bridgehead.shared.RuleViolation;
import io.bridgehead.shared.security.CurrentActor;
import io.bridgehead.shared.security.NamedActor;
import io.bridgehead.shared.tenant.TenantContext;
import io.bridgehead.tenancy.PortalBrandings;
import io.bridgehead.tenancy.Workspaces;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * A project's reports: generate a version (queued, then rendered by the background job {@link ReportRenderTask}), list versions, release a
 * finished version to the client's portal or withdraw it, download — for the firm and, once released, the client.
 */
@Service
public class Reports {

    /** The Reports section looks at the newest versions among this many of the user's projects (as menus did). */
    private static final int VISIBLE_PROJECTS = 500;

    static final JsonMapper JSON = JsonMapper.builder().build();

    private static final String VIEW_COLUMNS = "id, project_id, number, title, version_label, classification, status,"
            + " failure_reason, page_count, size_bytes, created_by_name, created_at, finished_at, released_at,"
            + " withdrawn_at, case when jsonb_typeof(data_snapshot->'findings') = 'array'"
            + " then jsonb_array_length(data_snapshot->'findings') else 0 end as finding_count,"
            + " coalesce(data_snapshot->'template'->>'name', 'Default') as template_name";

    private final JdbcTemplate jdbc;
    private final Projects projects;
    private final ClientVisibleProjects clientProjects;
    private final Findings findings;
    private final Clients clients;
    private final ClientLogos logos;
    private final ClientPortals clientPortals;
    private final Workspaces workspaces;
    private final PortalBrandings brandings;
    private final Permissions permissions;
    private final PortalPermissions portalPermissions;
    private final ApplicationEventPublisher events;
    private final ReportTemplates templates;
    private final ReportRenderQueue renderQueue;
    private final Clock clock;

    Reports(
            JdbcTemplate jdbc,
            Projects projects,
            ClientVisibleProjects clientProjects,
            Findings findings,
            Clients clients,
            ClientLogos logos,
            ClientPortals clientPortals,
            Workspaces workspaces,
            PortalBrandings brandings,
            Permissions permissions,
            PortalPermissions portalPermissions,
            ApplicationEventPublisher events,
            ReportTemplates templates,
            ReportRenderQueue renderQueue,
            Clock clock) {
        this.jdbc = jdbc;
        this.projects = projects;
        this.clientProjects = clientProjects;
        this.findings = findings;
        this.clients = clients;
        this.logos = logos;
        this.clientPortals = clientPortals;
        this.workspaces = workspaces;
        this.brandings = brandings;
        this.permissions = permissions;
        this.portalPermissions = portalPermissions;
        this.events = events;
        this.templates = templates;
        this.renderQueue = renderQueue;
        this.clock = clock;
    }

    /** Whether the current user may generate, release and withdraw this project's reports. */
    @Transactional(readOnly = true)
    public boolean canGenerate(UUID projectId) {
        return projects.canEdit(projectId) && !projects.get(projectId).archived();
    }

    /** Refuses (audited) unless the user may generate this project's reports: asked before the form's input is. */
    @Transactional
    public void requireGenerate(UUID projectId) {
        projects.requireEditable(projectId);
    }

    /** A sensible starting point for the form: title, label, classification and texts from the project's data. */
    @Transactional(readOnly = true)
    public GenerateReportCmd draft(UUID projectId) {
        ProjectView project = projects.get(projectId);
        List<ReportableFinding> all = findings.forReport(projectId);
        Integer done = jdbc.queryForObject(
                "select count(*) from report_version where tenant_id = ? and project_id = ? and status = 'DONE'",
                Integer.class,
                TenantContext.require(),
                projectId);
        String label = (done == null ? 1 : done + 1) + ".0";
        return new GenerateReportCmd(
                "default",
                ReportTexts.typeOf(project) + " assessment report",
                label,
                "Confidential",
                ReportTexts.executiveSummary(project, severityCounts(all)),
                ReportTexts.scope(project, projects.assets(projectId)),
                ReportTexts.methodology(project));
    }

    /**
     * Queues a new version made from the project's data as it is now; the render job turns it into a PDF. The
     * numbering is serialised per project, so two people generating at once get v3 and v4.
     */
    @Transactional
    public UUID generate(UUID projectId, GenerateReportCmd cmd) {
        ProjectView project = projects.requireEditable(projectId);
        // Another workspace's or an archived template is not found (404), like any other id.
        ReportSnapshot.Template template = cmd.templateId() == null ? null : templates.forReport(cmd.templateId());
        ReportSnapshot snapshot = snapshot(project, template);
        NamedActor actor = actor();
        jdbc.queryForObject(
                "select pg_advisory_xact_lock(hashtextextended(?, 0))", Object.class, "report:" + projectId);
        Integer last = jdbc.queryForObject(
                "select coalesce(max(number), 0) from report_version where tenant_id = ? and project_id = ?",
                Integer.class,
                TenantContext.require(),
                projectId);
        int number = (last == null ? 0 : last) + 1;
        UUID id = UUID.randomUUID();
        jdbc.update(
                "insert into report_version (tenant_id, id, project_id, number, template, template_id, title,"
                        + " version_label, classification, executive_summary, scope, methodology, status, created_by,"
                        + " created_by_name, created_at, data_snapshot)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'QUEUED', ?, ?, ?, ?::jsonb)",
                TenantContext.require(),
                id,
                projectId,
                number,
                template == null ? "default" : "workspace",
                template == null ? null : template.id(),
                cmd.title().strip(),
                cmd.versionLabel().strip(),
                cmd.classification().strip(),
                cmd.executiveSummary(),
                cmd.scope(),
                cmd.methodology(),
                actor.userId(),
                actor.fullName(),
                Timestamp.from(Instant.now(clock)),
                JSON.writeValueAsString(snapshot));
        renderQueue.add(TenantContext.require(), id);
        events.publishEvent(AuditEvent.byCurrentActor(
                        AuditAction.REPORT_GENERATED,
                        project.name() + " v" + number,
                        cmd.title().strip() + " (" + cmd.versionLabel().strip() + "), "
                                + snapshot.findings().size() + " findings, template "
                                + (template == null ? "Default" : template.name()))
                .about(project.clientId(), projectId, "/projects/" + projectId + "/reports"));
        return id;
    }

    @Transactional(readOnly = true)
    public List<ReportVersionView> versions(UUID projectId) {
        ProjectView project = projects.get(projectId);
        return jdbc.query(
                "select " + VIEW_COLUMNS + " from report_version where tenant_id = ? and project_id = ?"
                        + " order by number desc",
                VIEW,
                TenantContext.require(),
                project.id());
    }

    /** The newest versions of the projects the user may see (not archived ones), for the Reports section. */
    @Transactional(readOnly = true)
    public List<ReportListing> recent(int limit) {
        Map<UUID, String> names = new java.util.HashMap<>();
        projects.matching("", VISIBLE_PROJECTS).forEach(p -> names.put(p.id(), p.name()));
        if (names.isEmpty()) {
            return List.of();
        }
        return jdbc
                .query(
                        "select " + VIEW_COLUMNS + " from report_version where tenant_id = ? and project_id = any(?)"
                                + " order by created_at desc limit ?",
                        VIEW,
                        TenantContext.require(),
                        names.keySet().toArray(UUID[]::new),
                        limit)
                .stream()
                .map(v -> new ReportListing(v, names.get(v.projectId())))
                .toList();
    }

    @Transactional(readOnly = true)
    public ReportVersionView version(UUID projectId, UUID versionId) {
        projects.get(projectId);
        return find(projectId, versionId);
    }

    /** Makes a finished version visible in the client's portal. */
    @Transactional
    public void release(UUID projectId, UUID versionId) {
        ProjectView project = projects.requireEditable(projectId);
        ReportVersionView version = find(projectId, versionId);
        if (!version.done()) {
            throw new ConflictException("Only a finished report can be released.");
        }
        if (project.clientId() == null) {
            throw RuleViolation.of("release", "Assign the project to a client before releasing a report.");
        }
        if (version.released()) {
            return;
        }
        NamedActor actor = actor();
        jdbc.update(
                "update report_version set released_at = ?, released_by = ?, withdrawn_at = null, withdrawn_by = null"
                        + " where tenant_id = ? and id = ?",
                Timestamp.from(Instant.now(clock)),
                actor.userId(),
                TenantContext.require(),
                versionId);
        audit(AuditAction.REPORT_RELEASED, project, version, null);
    }

    /** Takes a released version out of the client's portal; it stays in the firm's list, marked withdrawn. */
    @Transactional
    public void withdraw(UUID projectId, UUID versionId) {
        ProjectView project = projects.requireEditable(projectId);
        ReportVersionView version = find(projectId, versionId);
        if (!version.released()) {
            throw new ConflictException("Only a released report can be withdrawn.");
        }
        jdbc.update(
                "update report_version set withdrawn_at = ?, withdrawn_by = ? where tenant_id = ? and id = ?",
                Timestamp.from(Instant.now(clock)),
                actor().userId(),
                TenantContext.require(),
                versionId);
        audit(AuditAction.REPORT_WITHDRAWN, project, version, null);
    }

    /** The PDF of a finished version for the firm's people who may download reports and see the project. */
    @Transactional(readOnly = true)
    public ReportFile download(UUID projectId, UUID versionId) {
        permissions.require(Permission.DOWNLOAD_REPORTS);
        ProjectView project = projects.get(projectId);
        ReportVersionView version = find(projectId, versionId);
        ReportFile file = file(versionId).orElseThrow(() -> NotFoundException.of("Report", versionId));
        audit(AuditAction.REPORT_DOWNLOADED, project, version, file.fileName());
        return file;
    }

    /** Released, not withdrawn versions of the portal user's visible projects, newest first. */
    @Transactional(readOnly = true)
    public List<ReportListing> releasedToPortalUser() {
        portalPermissions.require(PortalAction.DOWNLOAD_REPORTS);
        Map<UUID, String> names = new java.util.HashMap<>();
        clientProjects.ofPortalUser().forEach(p -> names.put(p.id(), p.name()));
        if (names.isEmpty()) {
            return List.of();
        }
        return jdbc
                .query(
                        "select " + VIEW_COLUMNS + " from report_version where tenant_id = ?"
                                + " and project_id = any(?) and status = 'DONE' and released_at is not null"
                                + " and withdrawn_at is null order by released_at desc, number desc",
                        VIEW,
                        TenantContext.require(),
                        names.keySet().toArray(UUID[]::new))
                .stream()
                .map(v -> new ReportListing(v, names.get(v.projectId())))
                .toList();
    }

    /** The released versions of one of the portal user's projects. */
    @Transactional(readOnly = true)
    public List<ReportListing> releasedToPortalUser(UUID projectId) {
        return releasedToPortalUser().stream()
                .filter(r -> r.version().projectId().equals(projectId))
                .toList();
    }

    /**
     * The PDF of a released version for the client's people; anything else (another client's, not released,
     * withdrawn) is not found.
     */
    @Transactional(readOnly = true)
    public ReportFile portalDownload(UUID versionId) {
        PortalActor actor = portalPermissions.require(PortalAction.DOWNLOAD_REPORTS);
        ReportListing report = releasedToPortalUser().stream()
                .filter(r -> r.version().id().equals(versionId))
                .findFirst()
                .orElseThrow(() -> NotFoundException.of("Report", versionId));
        ReportFile file = file(versionId).orElseThrow(() -> NotFoundException.of("Report", versionId));
        events.publishEvent(AuditEvent.byCurrentActor(
                        AuditAction.REPORT_DOWNLOADED,
                        report.projectName() + " " + report.version().code(),
                        file.fileName() + ", from the client portal")
                .about(actor.clientId(), report.version().projectId(), null));
        return file;
    }

    private java.util.Optional<ReportFile> file(UUID versionId) {
        return jdbc
                .query(
                        "select data_snapshot->>'clientName', data_snapshot->>'projectName', number, pdf"
                                + " from report_version where tenant_id = ? and id = ? and status = 'DONE'",
                        (rs, i) -> ReportFile.of(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getBytes(4)),
                        TenantContext.require(),
                        versionId)
                .stream()
                .findFirst();
    }

    private ReportSnapshot snapshot(ProjectView project, ReportSnapshot.Template template) {
        String clientName = null;
        String logo = null;
        ReportBranding branding = ReportBranding.BOTH;
        if (project.clientId() != null) {
            clientName = clients.details(project.clientId()).name();
            branding = clientPortals.reportBranding(project.clientId());
            logo = branding.clientLogo()
                    ? logos.png(project.clientId())
                            .map(png -> Base64.getEncoder().encodeToString(png))
                            .orElse(null)
                    : null;
        }
        boolean firmLogo = branding.firmLogo();
        List<ReportSnapshot.Finding> rows = findings.forReport(project.id()).stream()
                .map(Reports::snapshotOf)
                .toList();
        UUID tenant = TenantContext.require();
        return new ReportSnapshot(
                workspaces.current().name(),
                firmLogo
                        ? brandings
                                .logo(tenant)
                                .map(png -> Base64.getEncoder().encodeToString(png))
                                .orElse(null)
                        : null,
                clientName,
                logo,
                project.name(),
                ReportTexts.typeOf(project),
                project.startDate() == null ? null : project.startDate().toString(),
                project.endDate() == null ? null : project.endDate().toString(),
                rows,
                template);
    }

    private static ReportSnapshot.Finding snapshotOf(ReportableFinding reportable) {
        FindingView f = reportable.finding();
        return new ReportSnapshot.Finding(
                f.id(),
                f.version(),
                f.code(),
                f.title(),
                f.severity().name(),
                f.severity().label(),
                f.status().label(),
                f.cvss31Vector(),
                f.cvss31Score() == null ? null : f.cvss31Score().toPlainString(),
                f.description(),
                f.impact(),
                f.remediation(),
                f.technicalDetails(),
                f.referenceLinks(),
                reportable.affectedAssets(),
                reportable.images().stream()
                        .map(e -> new ReportSnapshot.Image(e.id(), e.fileName(), e.mediaType(), e.sizeBytes()))
                        .toList());
    }

    private static Map<Severity, Integer> severityCounts(List<ReportableFinding> all) {
        Map<Severity, Integer> counts = new EnumMap<>(Severity.class);
        for (Severity s : Severity.values()) {
            counts.put(s, 0);
        }
        all.forEach(f -> counts.merge(f.finding().severity(), 1, Integer::sum));
        return counts;
    }

    private ReportVersionView find(UUID projectId, UUID versionId) {
        return jdbc
                .query(
                        "select " + VIEW_COLUMNS + " from report_version where tenant_id = ? and project_id = ?"
                                + " and id = ?",
                        VIEW,
                        TenantContext.require(),
                        projectId,
                        versionId)
                .stream()
                .findFirst()
                .orElseThrow(() -> NotFoundException.of("Report", versionId));
    }

    private void audit(AuditAction action, ProjectView project, ReportVersionView version, String details) {
        events.publishEvent(AuditEvent.byCurrentActor(action, project.name() + " " + version.code(), details)
                .about(project.clientId(), project.id(), "/projects/" + project.id() + "/reports"));
    }

    private static NamedActor actor() {
        return CurrentActor.get()
                .filter(NamedActor.class::isInstance)
                .map(NamedActor.class::cast)
                .orElseThrow(() -> new IllegalStateException("No signed-in staff user"));
    }

    private static final RowMapper<ReportVersionView> VIEW = Reports::view;

    private static ReportVersionView view(ResultSet rs, int row) throws SQLException {
        return new ReportVersionView(
                rs.getObject("id", UUID.class),
                rs.getObject("project_id", UUID.class),
                rs.getInt("number"),
                rs.getString("title"),
                rs.getString("version_label"),
                rs.getString("classification"),
                ReportStatus.valueOf(rs.getString("status")),
                rs.getString("failure_reason"),
                (Integer) rs.getObject("page_count"),
                (Long) rs.getObject("size_bytes"),
                rs.getString("created_by_name"),
                instant(rs, "created_at"),
                instant(rs, "finished_at"),
                instant(rs, "released_at"),
                instant(rs, "withdrawn_at"),
                rs.getInt("finding_count"),
                rs.getString("template_name"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
