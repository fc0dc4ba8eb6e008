package io.bridgehead.findings;

import io.bridgehead.access.Permission;
import io.bridgehead.access.Permissions;
import io.bridgehead.audit.AuditAction;
import io.bridgehead.audit.AuditEvent;
import io.bridgehead.clients.ClientActivity;
import io.bridgehead.projects.ProjectAssetView;
import io.bridgehead.projects.ProjectView;
import io.bridgehead.projects.Projects;
import io.bridgehead.shared.ConflictException;
import io.bridgehead.shared.NotFoundException;
import io.bridgehead.shared.RuleViolation;
import io.bridgehead.shared.Text;
import io.bridgehead.shared.security.Actor;
import io.bridgehead.shared.security.CurrentActor;
import io.bridgehead.shared.security.NamedActor;
import io.bridgehead.shared.tenant.TenantContext;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Findings of a project: written by those who may edit the project, scored with CVSS 3.1, moved only along the
 * workflow, every move kept in the history. Visibility and write rights come from the project.
 */
@Service
public class Findings {

    /** The most findings one bulk change moves. */
    public static final int BULK_LIMIT = 500;

    /** The longest note of a status change, on either side. */
    public static final int MAX_NOTE = 2000;

    private static final Pattern REFERENCE = Pattern.compile("^(?i)(https?://\\S+|CWE-\\d{1,6})$");

    private final FindingRepository findings;
    private final Projects projects;
    private final ClientActivity clients;
    private final JdbcTemplate jdbc;
    private final ApplicationEventPublisher events;
    private final Permissions permissions;
    private final Clock clock;

    Findings(
            FindingRepository findings,
            Projects projects,
            ClientActivity clients,
            JdbcTemplate jdbc,
            ApplicationEventPublisher events,
            Permissions permissions,
            Clock clock) {
        this.findings = findings;
        this.projects = projects;
        this.clients = clients;
        this.jdbc = jdbc;
        this.events = events;
        this.permissions = permissions;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public FindingView get(UUID projectId, UUID findingId) {
        projects.get(projectId);
        return find(projectId, findingId).view(today());
    }

    /**
     * Every finding of the project, most severe first, then by number, with the values of its affected assets: what a
     * report is made from. Internal notes stay in the view; a report must not print them.
     */
    @Transactional(readOnly = true)
    public List<ReportableFinding> forReport(UUID projectId) {
        projects.get(projectId);
        java.util.Map<UUID, String> assetValues = projects.assets(projectId).stream()
                .collect(Collectors.toMap(ProjectAssetView::id, ProjectAssetView::value));
        java.util.Map<UUID, List<String>> assetsByFinding = new java.util.HashMap<>();
        jdbc.query(
                "select fa.finding_id, fa.asset_id from finding_asset fa join finding f"
                        + " on f.tenant_id = fa.tenant_id and f.id = fa.finding_id"
                        + " where fa.tenant_id = ? and f.project_id = ?",
                rs -> {
                    String value = assetValues.get(rs.getObject(2, UUID.class));
                    if (value != null) {
                        assetsByFinding
                                .computeIfAbsent(rs.getObject(1, UUID.class), k -> new java.util.ArrayList<>())
                                .add(value);
                    }
                },
                TenantContext.require(),
                projectId);
        java.util.Map<UUID, List<EvidenceView>> imagesByFinding = new java.util.HashMap<>();
        jdbc.query(
                "select e.finding_id, e.id, e.file_name, e.media_type, e.size_bytes, e.uploaded_at"
                        + " from finding_evidence e join finding f on f.tenant_id = e.tenant_id and f.id = e.finding_id"
                        + " where e.tenant_id = ? and f.project_id = ? and e.media_type in ('image/png', 'image/jpeg')"
                        + " order by e.uploaded_at, e.id",
                rs -> {
                    imagesByFinding
                            .computeIfAbsent(rs.getObject(1, UUID.class), k -> new java.util.ArrayList<>())
                            .add(new EvidenceView(
                                    rs.getObject(2, UUID.class),
                                    rs.getString(3),
                                    rs.getString(4),
                                    rs.getLong(5),
                                    rs.getTimestamp(6).toInstant()));
                },
                TenantContext.require(),
                projectId);
        LocalDate today = today();
        return findings.findByTenantIdAndProjectId(TenantContext.require(), projectId).stream()
                .map(f -> f.view(today))
                .sorted(java.util.Comparator.comparing(FindingView::severity).thenComparingInt(FindingView::ref))
                .map(v -> new ReportableFinding(
                        v,
                        assetsByFinding.getOrDefault(v.id(), List.of()).stream()
                                .sorted()
                                .toList(),
                        imagesByFinding.getOrDefault(v.id(), List.of())))
                .toList();
    }

    @Transactional(readOnly = true)
    public FindingForm editForm(UUID projectId, UUID findingId) {
        projects.get(projectId);
        Finding finding = find(projectId, findingId);
        return finding.form(assetIdsOf(finding.id()));
    }

    @Transactional(readOnly = true)
    public List<UUID> assetIdsOf(UUID projectId, UUID findingId) {
        projects.get(projectId);
        return assetIdsOf(find(projectId, findingId).id());
    }

    @Transactional(readOnly = true)
    public List<FindingHistoryEntry> history(UUID projectId, UUID findingId) {
        projects.get(projectId);
        return historyOf(find(projectId, findingId).id(), false);
    }

    /**
     * A finding's history, oldest first, for a caller that has already checked the finding is in its scope; for the
     * client, notes written before the portal shared them are left out.
     */
    List<FindingHistoryEntry> historyOf(UUID findingId, boolean forClient) {
        return jdbc.query(
                "select actor_name, actor_side, from_status, to_status,"
                        + (forClient ? " case when note_shared then note else '' end," : " note,")
                        + " occurred_at from finding_history"
                        + " where tenant_id = ? and finding_id = ? order by occurred_at, seq",
                (rs, i) -> new FindingHistoryEntry(
                        rs.getString(1),
                        FindingTransition.Side.valueOf(rs.getString(2)),
                        rs.getString(3) == null ? null : FindingStatus.valueOf(rs.getString(3)),
                        FindingStatus.valueOf(rs.getString(4)),
                        rs.getString(5),
                        rs.getTimestamp(6).toInstant()),
                TenantContext.require(),
                findingId);
    }

    @Transactional(readOnly = true)
    public RemediationSla sla() {
        List<RemediationSla> rows = jdbc.query(
                "select critical_days, high_days, medium_days, low_days from finding_sla where tenant_id = ?",
                (rs, i) -> new RemediationSla(rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getInt(4)),
                TenantContext.require());
        return rows.isEmpty() ? RemediationSla.DEFAULT : rows.get(0);
    }

    @Transactional
    public void changeSla(SlaForm form) {
        permissions.require(Permission.ADMINISTER_WORKSPACE);
        jdbc.update(
                "insert into finding_sla (tenant_id, critical_days, high_days, medium_days, low_days)"
                        + " values (?, ?, ?, ?, ?) on conflict (tenant_id) do update set critical_days = excluded.critical_days,"
                        + " high_days = excluded.high_days, medium_days = excluded.medium_days, low_days = excluded.low_days",
                TenantContext.require(),
                form.criticalDays(),
                form.highDays(),
                form.mediumDays(),
                form.lowDays());
        events.publishEvent(AuditEvent.byCurrentActor(
                AuditAction.REMEDIATION_SLA_CHANGED,
                "Remediation SLA",
                "Critical " + form.criticalDays() + ", High " + form.highDays() + ", Medium " + form.mediumDays()
                        + ", Low " + form.lowDays() + " days"));
    }

    @Transactional
    public UUID create(UUID projectId, FindingForm form) {
        ProjectView project = projects.requireEditable(projectId);
        UUID tenant = TenantContext.require();
        jdbc.queryForObject(
                "select pg_advisory_xact_lock(hashtextextended(?, 31))", Object.class, projectId.toString());
        Finding finding =
                new Finding(tenant, projectId, findings.lastRef(tenant, projectId) + 1, actor().userId(), now());
        write(finding, project, form);
        findings.saveAndFlush(finding);
        saveAssets(finding.id(), projectId, form.assetIds());
        record(finding.id(), null, FindingStatus.OPEN, "Created", FindingTransition.Side.FIRM);
        touchClient(project);
        audit(AuditAction.FINDING_CREATED, project, finding, null);
        return finding.id();
    }

    /**
     * Saves an edit made on the version the user saw; if someone saved the finding meanwhile, the edit is refused
     * rather than silently overwriting theirs.
     */
    @Transactional
    public void update(UUID projectId, UUID findingId, FindingForm form, int seenVersion) {
        ProjectView project = projects.requireEditable(projectId);
        Finding finding = find(projectId, findingId);
        if (finding.version() != seenVersion) {
            throw new StaleEditException(projectId, findingId);
        }
        write(finding, project, form);
        jdbc.update(
                "delete from finding_asset where tenant_id = ? and finding_id = ?", TenantContext.require(), findingId);
        saveAssets(findingId, projectId, form.assetIds());
        touchClient(project);
        audit(AuditAction.FINDING_UPDATED, project, finding, null);
    }

    /**
     * A firm-side move along the workflow; any move the workflow does not have is refused. The finding is locked first
     * (after its client, the order every move takes), so the move is checked against the status at this moment.
     */
    @Transactional
    public void move(UUID projectId, UUID findingId, FindingStatus to, String note) {
        ProjectView project = projects.requireEditable(projectId);
        Finding finding = lockForMove(projectId, findingId);
        FindingStatus from = finding.status();
        FindingTransition transition = FindingTransition.between(from, to, FindingTransition.Side.FIRM)
                .orElseThrow(() -> new ConflictException(
                        "A finding that is " + from.label() + " cannot become " + to.label() + "."));
        String cleanNote = note == null ? "" : note.strip();
        if (transition.noteRequired() && cleanNote.isEmpty()) {
            throw RuleViolation.of("note", "Explain this change in a note: \"" + transition.label() + "\" needs one.");
        }
        if (cleanNote.length() > MAX_NOTE) {
            throw RuleViolation.of("note", "Use at most 2,000 characters.");
        }
        finding.move(transition, now());
        record(findingId, from, to, cleanNote, FindingTransition.Side.FIRM);
        touchClient(project);
        if (transition.verification() && project.clientId() != null && project.visibleToClient()) {
            events.publishEvent(new FindingVerificationRecorded(
                    TenantContext.require(),
                    project.clientId(),
                    project.id(),
                    findingId,
                    finding.ref(),
                    finding.title(),
                    transition,
                    cleanNote,
                    actorName(actor())));
        }
        audit(AuditAction.FINDING_STATUS_CHANGED, project, finding, from.label() + " → " + to.label());
    }

    /**
     * A client's move through the portal, for {@link ClientFacingFindings} once it has checked the portal user's role,
     * scope and note. Takes the same locks in the same order as the firm's moves (client, then finding) and checks the
     * move against the status at this moment; when the user saw another status, nothing is done.
     *
     * @param seen the status the user's page showed, or null to accept whatever it is now
     */
    Finding moveForClient(
            ProjectView project, UUID findingId, FindingTransition transition, FindingStatus seen, String note) {
        clients.requireWritable(project.clientId());
        Finding finding = lockForMove(project.id(), findingId);
        FindingStatus from = finding.status();
        if (seen != null && seen != from) {
            throw new ConflictException("F-" + finding.ref() + " has changed meanwhile: it is now " + from.label()
                    + ". Nothing was changed; look at its history and try again if still needed.");
        }
        if (transition.side() != FindingTransition.Side.CLIENT || !transition.allowedFrom(from)) {
            throw new ConflictException("F-" + finding.ref() + " is " + from.label() + ", so \"" + transition.label()
                    + "\" is not possible now.");
        }
        finding.move(transition, now());
        record(findingId, from, transition.to(), note, FindingTransition.Side.CLIENT);
        touchClient(project);
        audit(
                AuditAction.FINDING_STATUS_CHANGED,
                project,
                finding,
                from.label() + " → " + transition.to().label() + " (client portal)");
        return finding;
    }

    /**
     * Moves every listed finding to one status with one note, in one transaction: all of them or, when any move is not
     * allowed, none; the refusal names the finding. Each move is recorded and audited as a single move is.
     *
     * @return how many findings moved
     */
    @Transactional
    public int moveAll(List<UUID> findingIds, FindingStatus to, String note) {
        List<UUID> ids =
                findingIds == null ? List.of() : findingIds.stream().distinct().toList();
        if (ids.isEmpty()) {
            throw RuleViolation.of("findingIds", "Select at least one finding.");
        }
        if (ids.size() > BULK_LIMIT) {
            throw RuleViolation.of("findingIds", "Change at most " + BULK_LIMIT + " findings at once.");
        }
        if (to == null) {
            throw RuleViolation.of("to", "Choose the status to change to.");
        }
        for (UUID id : ids) {
            // Read without loading the entity: move() loads it under its lock, so it cannot act on a stale copy.
            Moving finding = moving(id);
            ProjectView project = projects.get(finding.projectId());
            String named = "F-" + finding.ref() + " (" + project.name() + ")";
            if (!projects.canEdit(project.id())) {
                // A refusal like any other: 403 and audited, not a conflict message the audit log never sees.
                throw permissions.denied(
                        named, "Only Admins and the project's Owners and Editors may change its findings");
            }
            FindingStatus from = finding.status();
            if (FindingTransition.between(from, to, FindingTransition.Side.FIRM).isEmpty()) {
                throw new ConflictException("F-" + finding.ref() + " is " + from.label() + " and cannot become "
                        + to.label() + " (" + project.name() + ": " + finding.title() + "). Nothing was changed.");
            }
            try {
                move(project.id(), id, to, note);
            } catch (RuleViolation | ConflictException refused) {
                throw new ConflictException(named + ": " + refused.getMessage() + " Nothing was changed.");
            }
        }
        return ids.size();
    }

    private record Moving(UUID projectId, int ref, String title, FindingStatus status) {}

    private Moving moving(UUID findingId) {
        return jdbc
                .query(
                        "select project_id, ref, title, status from finding where tenant_id = ? and id = ?",
                        (rs, i) -> new Moving(
                                rs.getObject(1, UUID.class),
                                rs.getInt(2),
                                rs.getString(3),
                                FindingStatus.valueOf(rs.getString(4))),
                        TenantContext.require(),
                        findingId)
                .stream()
                .findFirst()
                .orElseThrow(() -> NotFoundException.of("Finding", findingId));
    }

    private void write(Finding finding, ProjectView project, FindingForm form) {
        Cvss31 cvss31 = parseCvss31(form.cvss31Vector());
        validateCvss40(form);
        validateReferences(form.referenceLinks());
        Severity severity = form.severity() != null ? form.severity() : cvss31 != null ? cvss31.severity() : null;
        if (severity == null) {
            throw RuleViolation.of("severity", "Choose a severity, or enter a CVSS 3.1 vector to suggest one.");
        }
        LocalDate due = form.dueDate() != null ? form.dueDate() : defaultDueDate(severity);
        finding.write(form, severity, cvss31, due, now());
    }

    private static Cvss31 parseCvss31(String vector) {
        if (vector == null) {
            return null;
        }
        try {
            return Cvss31.parse(vector);
        } catch (InvalidCvssVector e) {
            throw RuleViolation.of("cvss31Vector", e.getMessage());
        }
    }

    private static void validateCvss40(FindingForm form) {
        if (form.cvss40Vector() == null) {
            if (form.cvss40Score() != null) {
                throw RuleViolation.of("cvss40Vector", "Enter the CVSS 4.0 vector that gives this score.");
            }
            return;
        }
        try {
            Cvss40Vector.parse(form.cvss40Vector());
        } catch (InvalidCvssVector e) {
            throw RuleViolation.of("cvss40Vector", e.getMessage());
        }
        if (form.cvss40Score() == null) {
            throw RuleViolation.of("cvss40Score", "Enter the CVSS 4.0 score from FIRST's calculator.");
        }
    }

    private static void validateReferences(String references) {
        for (String line : references.split("\\R")) {
            String reference = line.strip();
            if (!reference.isEmpty() && !REFERENCE.matcher(reference).matches()) {
                throw RuleViolation.of(
                        "referenceLinks",
                        "\"" + Text.abbreviate(reference, 60)
                                + "\" is neither a web address (https://…) nor a CWE id (CWE-79).");
            }
        }
    }

    private LocalDate defaultDueDate(Severity severity) {
        Integer days = sla().daysFor(severity);
        return days == null ? null : today().plusDays(days);
    }

    private void saveAssets(UUID findingId, UUID projectId, List<UUID> assetIds) {
        if (assetIds.isEmpty()) {
            return;
        }
        Set<UUID> inScope =
                projects.assets(projectId).stream().map(ProjectAssetView::id).collect(Collectors.toSet());
        Set<UUID> wanted = new HashSet<>(assetIds);
        if (!inScope.containsAll(wanted)) {
            throw RuleViolation.of("assetIds", "Choose affected assets from this project's scope.");
        }
        for (UUID assetId : wanted) {
            jdbc.update(
                    "insert into finding_asset (tenant_id, finding_id, asset_id) values (?, ?, ?)",
                    TenantContext.require(),
                    findingId,
                    assetId);
        }
    }

    /** The finding's affected assets, for a caller that has already checked the finding is in its scope. */
    List<UUID> assetIdsOf(UUID findingId) {
        return jdbc.queryForList(
                "select asset_id from finding_asset where tenant_id = ? and finding_id = ?",
                UUID.class,
                TenantContext.require(),
                findingId);
    }

    private void record(
            UUID findingId, FindingStatus from, FindingStatus to, String note, FindingTransition.Side side) {
        Actor actor = actor();
        jdbc.update(
                "insert into finding_history (tenant_id, id, finding_id, actor_id, actor_name, actor_side,"
                        + " from_status, to_status, note, occurred_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                TenantContext.require(),
                UUID.randomUUID(),
                findingId,
                actor.userId(),
                actorName(actor),
                side.name(),
                from == null ? null : from.name(),
                to.name(),
                note,
                Timestamp.from(now()));
    }

    private static String actorName(Actor actor) {
        return actor instanceof NamedActor named ? named.fullName() : actor.email();
    }

    private Finding find(UUID projectId, UUID findingId) {
        return findings.findByTenantIdAndProjectIdAndId(TenantContext.require(), projectId, findingId)
                .orElseThrow(() -> NotFoundException.of("Finding", findingId));
    }

    private Finding lockForMove(UUID projectId, UUID findingId) {
        return findings.lockForMove(TenantContext.require(), projectId, findingId)
                .orElseThrow(() -> NotFoundException.of("Finding", findingId));
    }

    private void touchClient(ProjectView project) {
        if (project.clientId() != null) {
            clients.changed(project.clientId());
        }
    }

    private void audit(AuditAction action, ProjectView project, Finding finding, String details) {
        events.publishEvent(AuditEvent.byCurrentActor(
                        action, project.name() + " F-" + finding.ref() + " " + finding.title(), details)
                .about(project.clientId(), project.id(), "/projects/" + project.id() + "/findings/" + finding.id()));
    }

    private static Actor actor() {
        return CurrentActor.get().orElseThrow();
    }

    private Instant now() {
        return Instant.now(clock);
    }

    private LocalDate today() {
        return LocalDate.ofInstant(now(), ZoneOffset.UTC);
    }
}
