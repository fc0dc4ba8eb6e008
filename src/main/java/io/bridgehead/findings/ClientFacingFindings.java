package io.bridgehead.findings;

import io.bridgehead.access.PortalAction;
import io.bridgehead.access.PortalActor;
import io.bridgehead.access.PortalPermissions;
import io.bridgehead.audit.AuditAction;
import io.bridgehead.audit.AuditEvent;
import io.bridgehead.clients.ClientPortalSettings;
import io.bridgehead.clients.ClientPortals;
import io.bridgehead.clients.PortalFieldVisibility;
import io.bridgehead.findings.ClientDashboardFigures.ProjectProgress;
import io.bridgehead.findings.ClientDashboardFigures.SeverityCount;
import io.bridgehead.findings.ClientDashboardFigures.WeekPoint;
import io.bridgehead.projects.ClientVisibleProjects;
import io.bridgehead.projects.ProjectView;
import io.bridgehead.shared.ConflictException;
import io.bridgehead.shared.NotFoundException;
import io.bridgehead.shared.RuleViolation;
import io.bridgehead.shared.tenant.TenantContext;
import io.bridgehead.shared.web.Markdown;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Findings as a client's own people see them in the portal, and what they may do with them: read (Viewer), comment
 * (Collaborator), report a fix or ask for a retest (Manager). Every method checks the portal role first, then keeps to
 * the workspace (row-level security and explicit conditions), the user's client and that client's visible projects;
 * anything outside answers "not found", never "forbidden", so ids do not reveal what exists. Internal notes and internal
 * comments never leave this class; the optional fields follow the client's portal settings.
 */
@Service
public class ClientFacingFindings {

    public static final int PAGE_SIZE = 25;

    /** Weeks of the dashboard's trend, the current one included. */
    public static final int TREND_WEEKS = 12;

    private static final String UNRESOLVED = Arrays.stream(FindingStatus.values())
            .filter(FindingStatus::unresolved)
            .map(s -> "'" + s.name() + "'")
            .collect(Collectors.joining(", "));

    private static final String FIXED = "'VERIFIED_FIXED', 'CLOSED'";

    /** What progress and trend count: something to fix (not Informational) that was not accepted as a risk. */
    private static final String TRACKED = " and f.severity <> 'INFORMATIONAL' and f.status <> 'ACCEPTED_RISK'";

    private static final String SEVERITY_RANK = "case f.severity when 'CRITICAL' then 0 when 'HIGH' then 1"
            + " when 'MEDIUM' then 2 when 'LOW' then 3 when 'INFORMATIONAL' then 4 end";

    private final PortalPermissions portalPermissions;
    private final ClientVisibleProjects visibleProjects;
    private final ClientPortals portals;
    private final FindingRepository findingRows;
    private final Findings findings;
    private final FindingComments comments;
    private final FindingEvidence evidence;
    private final Markdown markdown;
    private final NamedParameterJdbcTemplate jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ClientFacingFindings(
            PortalPermissions portalPermissions,
            ClientVisibleProjects visibleProjects,
            ClientPortals portals,
            FindingRepository findingRows,
            Findings findings,
            FindingComments comments,
            FindingEvidence evidence,
            Markdown markdown,
            NamedParameterJdbcTemplate jdbc,
            ApplicationEventPublisher events,
            Clock clock) {
        this.portalPermissions = portalPermissions;
        this.visibleProjects = visibleProjects;
        this.portals = portals;
        this.findingRows = findingRows;
        this.findings = findings;
        this.comments = comments;
        this.evidence = evidence;
        this.markdown = markdown;
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    /** Who asks, their client's portal settings and the projects it shows them: the bounds of every portal query. */
    private record Scope(PortalActor actor, ClientPortalSettings portal, Set<UUID> projectIds) {

        PortalFieldVisibility shown() {
            return portal.fields();
        }
    }

    // Reading ---------------------------------------------------------------------------------------------------------

    /** One visible project's findings, most severe first, then by number; 25 a page. */
    @Transactional(readOnly = true)
    public Page<ClientFindingRow> list(UUID projectId, ClientFindingFilter filter, int page) {
        Scope scope = scope(PortalAction.SEE);
        requireVisible(scope, projectId);
        ClientFindingFilter wanted = filter == null ? ClientFindingFilter.NONE : filter;
        MapSqlParameterSource params = new MapSqlParameterSource("tenant", TenantContext.require())
                .addValue("project", projectId)
                .addValue(
                        "severity",
                        wanted.severity() == null ? null : wanted.severity().name())
                .addValue(
                        "status",
                        wanted.status() == null ? null : wanted.status().name())
                .addValue("today", today())
                .addValue("limit", PAGE_SIZE)
                .addValue("offset", (long) Math.max(page, 0) * PAGE_SIZE);
        String where = " from finding f where f.tenant_id = :tenant and f.project_id = :project"
                + " and (cast(:severity as varchar) is null or f.severity = :severity)"
                + " and (cast(:status as varchar) is null or f.status = :status)";
        Long total = jdbc.queryForObject("select count(*)" + where, params, Long.class);
        boolean cvss = scope.shown().cvss();
        List<ClientFindingRow> rows = jdbc.query(
                "select f.id, f.ref, f.title, f.severity, f.status, f.due_date, f.cvss31_score, f.cvss40_score,"
                        + " f.updated_at, (f.status in (" + UNRESOLVED + ") and f.due_date < :today) as overdue"
                        + where + " order by " + SEVERITY_RANK + ", f.ref limit :limit offset :offset",
                params,
                (rs, i) -> row(rs, cvss));
        return new PageImpl<>(rows, PageRequest.of(Math.max(page, 0), PAGE_SIZE), total == null ? 0 : total);
    }

    @Transactional(readOnly = true)
    public ClientFindingDetail get(UUID findingId) {
        Scope scope = scope(PortalAction.SEE);
        Finding finding = inScope(scope, findingId);
        ProjectView project = visibleProjects.ofPortalUser(finding.projectId());
        FindingView f = finding.view(today());
        PortalFieldVisibility shown = scope.shown();
        List<UUID> affected = findings.assetIdsOf(f.id());
        return new ClientFindingDetail(
                f.id(),
                f.projectId(),
                project.name(),
                f.ref(),
                f.title(),
                f.severity(),
                f.status(),
                f.description(),
                markdown.toHtml(f.description()),
                f.impact(),
                markdown.toHtml(f.impact()),
                f.remediation(),
                markdown.toHtml(f.remediation()),
                shown.cvss() ? f.cvss31Vector() : null,
                shown.cvss() ? f.cvss31Score() : null,
                shown.cvss() ? f.cvss40Vector() : null,
                shown.cvss() ? f.cvss40Score() : null,
                shown.technicalDetails() ? f.technicalDetails() : null,
                shown.technicalDetails() ? markdown.toHtml(f.technicalDetails()) : null,
                shown.references() ? references(f.referenceLinks()) : List.of(),
                shown.evidence() ? evidence.listOf(f.id()) : List.of(),
                affected.isEmpty()
                        ? List.of()
                        : visibleProjects.assets(project.id()).stream()
                                .filter(a -> affected.contains(a.id()))
                                .toList(),
                f.dueDate(),
                f.overdue(),
                f.createdAt(),
                f.updatedAt(),
                f.clientReportedFixedAt(),
                f.verifiedAt(),
                shown,
                project.archived() ? List.of() : movesFor(f.status()));
    }

    /** The status history, oldest first: the same entries the firm sees, each saying which side acted. */
    @Transactional(readOnly = true)
    public List<FindingHistoryEntry> history(UUID findingId) {
        Scope scope = scope(PortalAction.SEE);
        return findings.historyOf(inScope(scope, findingId).id(), true);
    }

    /** The comments the firm or the client shared, oldest first; internal comments never appear. */
    @Transactional(readOnly = true)
    public List<FindingCommentView> sharedComments(UUID findingId) {
        Scope scope = scope(PortalAction.SEE);
        return comments.sharedOf(inScope(scope, findingId).id());
    }

    /** Whom a comment can mention: the firm's team on the finding's project, matching the query. */
    @Transactional(readOnly = true)
    public List<MentionSuggestion> mentionSuggestions(UUID findingId, String query) {
        Scope scope = scope(PortalAction.COMMENT);
        return FindingComments.clientSuggestions(visibleProjects.team(projectOf(scope, findingId)), query);
    }

    /** The finding's evidence files; not found when the client's portal does not show evidence. */
    @Transactional(readOnly = true)
    public List<EvidenceView> evidence(UUID findingId) {
        Scope scope = scope(PortalAction.SEE);
        requireEvidenceShown(scope, findingId);
        return evidence.listOf(inScope(scope, findingId).id());
    }

    /** One evidence file to download or show; each download is audited. */
    @Transactional(readOnly = true)
    public EvidenceContent evidenceContent(UUID findingId, UUID evidenceId) {
        Scope scope = scope(PortalAction.SEE);
        requireEvidenceShown(scope, findingId);
        Finding finding = inScope(scope, findingId);
        EvidenceContent content = evidence.contentOf(finding.id(), evidenceId);
        audit(AuditAction.FINDING_EVIDENCE_DOWNLOADED, project(finding.projectId()), finding, content.fileName());
        return content;
    }

    // Writing ---------------------------------------------------------------------------------------------------------

    /**
     * A comment shared with the firm (portal comments are always shared). {@code @mentions} reach only the project's
     * team, who are notified in the app and by e-mail.
     */
    @Transactional
    public UUID comment(UUID findingId, String markdownText) {
        Scope scope = scope(PortalAction.COMMENT);
        UUID projectId = projectOf(scope, findingId);
        ProjectView project = requireOpen(visibleProjects.ofPortalUser(projectId));
        FindingView finding = inScope(scope, findingId).view(today());
        return comments.addForClient(
                project, finding, markdownText, scope.portal().clientName(), visibleProjects.team(projectId));
    }

    /** Reports the finding fixed (notes required): it becomes Pending verification, for the firm to verify. */
    @Transactional
    public void markRemediated(UUID findingId, String notes) {
        markRemediated(findingId, notes, null);
    }

    /**
     * As {@link #markRemediated(UUID, String)}, refused with a conflict when the finding's status is no longer the one
     * the user's page showed.
     */
    @Transactional
    public void markRemediated(UUID findingId, String notes, FindingStatus seen) {
        Scope scope = scope(PortalAction.MARK_REMEDIATED);
        String note = required(notes, "notes", "Describe the fix: what changed, where and when.");
        report(scope, findingId, FindingTransition.MARK_REMEDIATED, seen, note);
    }

    /** Asks the firm to test the finding again (a message required): it becomes Retest requested. */
    @Transactional
    public void requestRetest(UUID findingId, String message) {
        requestRetest(findingId, message, null);
    }

    /** As {@link #requestRetest(UUID, String)}, refused when the status is no longer the one the page showed. */
    @Transactional
    public void requestRetest(UUID findingId, String message, FindingStatus seen) {
        Scope scope = scope(PortalAction.REQUEST_RETEST);
        String note = required(message, "message", "Tell the firm what to retest and why.");
        report(scope, findingId, FindingTransition.REQUEST_RETEST, seen, note);
    }

    // Dashboard -------------------------------------------------------------------------------------------------------

    @Transactional(readOnly = true)
    public ClientDashboardFigures dashboard() {
        scope(PortalAction.SEE);
        List<ProjectView> projects = visibleProjects.ofPortalUser().stream()
                .filter(p -> !p.archived())
                .toList();
        int active = (int) projects.stream().filter(p -> p.status().active()).count();
        if (projects.isEmpty()) {
            return new ClientDashboardFigures(active, openBySeverity(List.of()), List.of(), trend(List.of()));
        }
        List<UUID> ids = projects.stream().map(ProjectView::id).toList();
        return new ClientDashboardFigures(active, openBySeverity(ids), progress(projects, ids), trend(ids));
    }

    /** Which optional fields the user's client shows, e.g. whether a list has a CVSS column. */
    @Transactional(readOnly = true)
    public PortalFieldVisibility shownFields() {
        return scope(PortalAction.SEE).shown();
    }

    /** The newest status changes in the user's visible projects, the same entries each finding's history shows. */
    @Transactional(readOnly = true)
    public List<ClientActivityItem> recentActivity(int limit) {
        Scope scope = scope(PortalAction.SEE);
        if (scope.projectIds().isEmpty()) {
            return List.of();
        }
        return jdbc.query(
                "select f.id, f.ref, f.title, h.to_status, h.actor_name, h.occurred_at from finding_history h"
                        + " join finding f on f.tenant_id = h.tenant_id and f.id = h.finding_id"
                        + " where h.tenant_id = :tenant and f.project_id in (:projects)"
                        + " order by h.occurred_at desc, h.seq desc limit :limit",
                new MapSqlParameterSource()
                        .addValue("tenant", TenantContext.require())
                        .addValue("projects", scope.projectIds())
                        .addValue("limit", Math.max(1, Math.min(limit, 50))),
                (rs, i) -> new ClientActivityItem(
                        rs.getObject(1, UUID.class),
                        rs.getInt(2),
                        rs.getString(3),
                        FindingStatus.valueOf(rs.getString(4)),
                        rs.getString(5),
                        rs.getTimestamp(6).toInstant()));
    }

    private List<SeverityCount> openBySeverity(List<UUID> projectIds) {
        Map<Severity, Long> counts = new EnumMap<>(Severity.class);
        if (!projectIds.isEmpty()) {
            jdbc.query(
                    "select f.severity, count(*) from finding f where f.tenant_id = :tenant"
                            + " and f.project_id in (:projects) and f.status in (" + UNRESOLVED + ")"
                            + " group by f.severity",
                    projectParams(projectIds),
                    rs -> {
                        counts.put(Severity.valueOf(rs.getString(1)), rs.getLong(2));
                    });
        }
        return Arrays.stream(Severity.values())
                .map(s -> new SeverityCount(s, counts.getOrDefault(s, 0L)))
                .toList();
    }

    private List<ProjectProgress> progress(List<ProjectView> projects, List<UUID> projectIds) {
        Map<UUID, long[]> counts = new HashMap<>();
        jdbc.query(
                "select f.project_id, count(*), count(*) filter (where f.status in (" + FIXED + "))"
                        + " from finding f where f.tenant_id = :tenant and f.project_id in (:projects)" + TRACKED
                        + " group by f.project_id",
                projectParams(projectIds),
                rs -> {
                    counts.put(rs.getObject(1, UUID.class), new long[] {rs.getLong(2), rs.getLong(3)});
                });
        return projects.stream()
                .map(p -> {
                    long[] c = counts.getOrDefault(p.id(), new long[2]);
                    int percent = c[0] == 0 ? 0 : (int) (c[1] * 100 / c[0]);
                    return new ProjectProgress(p.id(), p.name(), c[0], c[1], percent);
                })
                .toList();
    }

    /**
     * Open and fixed findings at the end of each of the last weeks, from the status history: each history row starts a
     * span that lasts until the finding's next row, and a week counts the spans covering its end.
     */
    private List<WeekPoint> trend(List<UUID> projectIds) {
        Instant now = now();
        // Without projects the weeks are still listed, at zero; "in ()" is no SQL, so an id no project has stands in.
        MapSqlParameterSource params = projectParams(projectIds.isEmpty() ? List.of(new UUID(0, 0)) : projectIds)
                .addValue("now", Timestamp.from(now))
                .addValue("weeks", TREND_WEEKS - 1);
        return jdbc.query(
                "with points as (select w.week_start, least(w.week_start + interval '7 days', cast(:now as timestamptz))"
                        + " as at from (select date_trunc('week', cast(:now as timestamptz), 'UTC') - g * interval '7 days'"
                        + " as week_start from generate_series(0, :weeks) g) w),"
                        + " spans as (select h.to_status, h.occurred_at as since, lead(h.occurred_at) over"
                        + " (partition by h.finding_id order by h.occurred_at, h.seq) as until"
                        + " from finding f join finding_history h on h.tenant_id = f.tenant_id and h.finding_id = f.id"
                        + " where f.tenant_id = :tenant and h.tenant_id = :tenant and f.project_id in (:projects)"
                        + " and f.severity <> 'INFORMATIONAL')"
                        + " select p.week_start, count(s.to_status) filter (where s.to_status in (" + UNRESOLVED + ")),"
                        + " count(s.to_status) filter (where s.to_status in (" + FIXED + "))"
                        + " from points p left join spans s on s.since <= p.at and (s.until is null or s.until > p.at)"
                        + " group by p.week_start order by p.week_start",
                params,
                (rs, i) -> new WeekPoint(
                        LocalDate.ofInstant(rs.getTimestamp(1).toInstant(), ZoneOffset.UTC)
                                .plusDays(6),
                        rs.getLong(2),
                        rs.getLong(3)));
    }

    // Rules -----------------------------------------------------------------------------------------------------------

    /**
     * The portal user's bounds, after their role is checked for the action. A closed portal (switched off, or the
     * client archived) shows nothing, even to a session that has not ended yet.
     */
    private Scope scope(PortalAction action) {
        PortalActor actor = portalPermissions.require(action);
        ClientPortalSettings portal = portals.forPortal(actor.clientId())
                .filter(ClientPortalSettings::open)
                .orElseThrow(() -> NotFoundException.of("Client portal", actor.clientId()));
        return new Scope(actor, portal, visibleProjects.idsOfPortalUser());
    }

    private static void requireVisible(Scope scope, UUID projectId) {
        if (projectId == null || !scope.projectIds().contains(projectId)) {
            throw NotFoundException.of("Project", projectId);
        }
    }

    /** The finding, if it belongs to one of the user's visible projects (the workspace is already RLS's and ours). */
    private Finding inScope(Scope scope, UUID findingId) {
        return findingRows
                .findByTenantIdAndId(TenantContext.require(), findingId)
                .filter(f -> scope.projectIds().contains(f.projectId()))
                .orElseThrow(() -> NotFoundException.of("Finding", findingId));
    }

    /**
     * The finding's project, if visible, read without loading the finding: a move then loads it under its row lock, and
     * an entity loaded earlier in the transaction would hide a status changed meanwhile.
     */
    private UUID projectOf(Scope scope, UUID findingId) {
        return jdbc
                .queryForList(
                        "select project_id from finding where tenant_id = :tenant and id = :id",
                        new MapSqlParameterSource("tenant", TenantContext.require()).addValue("id", findingId),
                        UUID.class)
                .stream()
                .filter(scope.projectIds()::contains)
                .findFirst()
                .orElseThrow(() -> NotFoundException.of("Finding", findingId));
    }

    private static void requireEvidenceShown(Scope scope, UUID findingId) {
        if (!scope.shown().evidence()) {
            throw NotFoundException.of("Evidence of finding", findingId);
        }
    }

    private static ProjectView requireOpen(ProjectView project) {
        if (project.archived()) {
            throw new ConflictException("The project " + project.name() + " is archived, so it is read-only.");
        }
        return project;
    }

    private void report(Scope scope, UUID findingId, FindingTransition transition, FindingStatus seen, String note) {
        UUID projectId = projectOf(scope, findingId);
        ProjectView project = requireOpen(visibleProjects.ofPortalUser(projectId));
        Finding finding = findings.moveForClient(project, findingId, transition, seen, note);
        events.publishEvent(new FindingRemediationReported(
                TenantContext.require(),
                project.clientId(),
                projectId,
                findingId,
                finding.ref(),
                finding.title(),
                transition,
                note,
                scope.actor().fullName()));
    }

    /** The client's moves from this status that the user's portal role allows. */
    private List<FindingTransition> movesFor(FindingStatus status) {
        return FindingTransition.available(status, FindingTransition.Side.CLIENT).stream()
                .filter(t -> portalPermissions.can(actionFor(t)))
                .toList();
    }

    private static PortalAction actionFor(FindingTransition transition) {
        return switch (transition) {
            case MARK_REMEDIATED -> PortalAction.MARK_REMEDIATED;
            case REQUEST_RETEST -> PortalAction.REQUEST_RETEST;
            default -> throw new IllegalArgumentException("Not a client's move: " + transition);
        };
    }

    private static String required(String text, String field, String whenMissing) {
        String clean = text == null ? "" : text.strip();
        if (clean.isEmpty()) {
            throw RuleViolation.of(field, whenMissing);
        }
        if (clean.length() > Findings.MAX_NOTE) {
            throw RuleViolation.of(field, "Use at most 2,000 characters.");
        }
        return clean;
    }

    private static List<String> references(String links) {
        return links.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
    }

    private ProjectView project(UUID projectId) {
        return visibleProjects.ofPortalUser(projectId);
    }

    private static ClientFindingRow row(ResultSet rs, boolean cvss) throws SQLException {
        BigDecimal score = rs.getBigDecimal("cvss31_score");
        if (score == null) {
            score = rs.getBigDecimal("cvss40_score");
        }
        return new ClientFindingRow(
                rs.getObject("id", UUID.class),
                rs.getInt("ref"),
                rs.getString("title"),
                Severity.valueOf(rs.getString("severity")),
                FindingStatus.valueOf(rs.getString("status")),
                rs.getObject("due_date", LocalDate.class),
                rs.getBoolean("overdue"),
                cvss ? score : null,
                rs.getTimestamp("updated_at").toInstant());
    }

    private static MapSqlParameterSource projectParams(List<UUID> projectIds) {
        return new MapSqlParameterSource("tenant", TenantContext.require()).addValue("projects", projectIds);
    }

    private void audit(AuditAction action, ProjectView project, Finding finding, String details) {
        events.publishEvent(AuditEvent.byCurrentActor(
                        action, project.name() + " F-" + finding.ref() + " " + finding.title(), details)
                .about(project.clientId(), project.id(), "/projects/" + project.id() + "/findings/" + finding.id()));
    }

    private Instant now() {
        return Instant.now(clock);
    }

    private LocalDate today() {
        return LocalDate.ofInstant(now(), ZoneOffset.UTC);
    }
}
