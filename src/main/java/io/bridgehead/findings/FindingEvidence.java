package io.bridgehead.findings;

import io.bridgehead.audit.AuditAction;
import io.bridgehead.audit.AuditEvent;
import io.bridgehead.clients.ClientActivity;
import io.bridgehead.projects.ProjectView;
import io.bridgehead.projects.Projects;
import io.bridgehead.shared.NotFoundException;
import io.bridgehead.shared.security.CurrentActor;
import io.bridgehead.shared.tenant.TenantContext;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Evidence files of findings: added and removed by those who may edit the project, seen by all who may see it. Each
 * file is checked by content ({@link EvidenceType}), at most 20 MB; the bytes live in an {@link EvidenceBlobStore}.
 */
@Service
public class FindingEvidence {

    public static final int MAX_BYTES = EvidenceType.MAX_BYTES;

    private final FindingRepository findings;
    private final Projects projects;
    private final ClientActivity clients;
    private final EvidenceBlobStore blobs;
    private final JdbcTemplate jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    FindingEvidence(
            FindingRepository findings,
            Projects projects,
            ClientActivity clients,
            EvidenceBlobStore blobs,
            JdbcTemplate jdbc,
            ApplicationEventPublisher events,
            Clock clock) {
        this.findings = findings;
        this.projects = projects;
        this.clients = clients;
        this.blobs = blobs;
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Adds a file to the finding; throws {@link EvidenceRejected} with a message for the user when the content is not
     * accepted. The declared file name is only cleaned and kept for display and download.
     */
    @Transactional
    public UUID add(UUID projectId, UUID findingId, String fileName, byte[] bytes) {
        ProjectView project = projects.requireEditable(projectId);
        Finding finding = find(projectId, findingId);
        EvidenceType type = EvidenceType.check(bytes);
        String name = EvidenceFileName.clean(fileName, type);
        UUID tenant = TenantContext.require();
        UUID id = UUID.randomUUID();
        jdbc.update(
                "insert into finding_evidence (tenant_id, id, finding_id, file_name, media_type, size_bytes,"
                        + " uploaded_by, uploaded_at) values (?, ?, ?, ?, ?, ?, ?, ?)",
                tenant,
                id,
                finding.id(),
                name,
                type.mediaType(),
                (long) bytes.length,
                CurrentActor.get().orElseThrow().userId(),
                Timestamp.from(Instant.now(clock)));
        blobs.put(tenant, id, bytes);
        touchClient(project);
        audit(AuditAction.FINDING_EVIDENCE_ADDED, project, finding, name);
        return id;
    }

    @Transactional(readOnly = true)
    public List<EvidenceView> list(UUID projectId, UUID findingId) {
        projects.get(projectId);
        return listOf(find(projectId, findingId).id());
    }

    @Transactional(readOnly = true)
    public EvidenceContent content(UUID projectId, UUID findingId, UUID evidenceId) {
        projects.get(projectId);
        return contentOf(find(projectId, findingId).id(), evidenceId);
    }

    /**
     * The bytes of image evidence files of the current workspace, for a report being rendered in the background: the
     * ids come from a report version's snapshot, recorded while a permitted user generated it, so no user is checked
     * here. Files that are gone (or are not images) are missing from the result. Call it inside a transaction of the
     * version's own workspace.
     */
    @Transactional(readOnly = true, propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
    public java.util.Map<UUID, byte[]> imagesForReport(java.util.Collection<UUID> evidenceIds) {
        if (evidenceIds.isEmpty()) {
            return java.util.Map.of();
        }
        UUID tenant = TenantContext.require();
        java.util.Map<UUID, byte[]> images = new java.util.HashMap<>();
        jdbc.queryForList(
                        "select id from finding_evidence where tenant_id = ? and id = any(?)"
                                + " and media_type in ('image/png', 'image/jpeg')",
                        UUID.class,
                        tenant,
                        evidenceIds.toArray(UUID[]::new))
                .forEach(id -> blobs.get(tenant, id).ifPresent(bytes -> images.put(id, bytes)));
        return images;
    }

    /** The finding's files, oldest first, for a caller that has already checked the finding is in its scope. */
    List<EvidenceView> listOf(UUID findingId) {
        return jdbc.query(
                "select id, file_name, media_type, size_bytes, uploaded_at from finding_evidence"
                        + " where tenant_id = ? and finding_id = ? order by uploaded_at, id",
                (rs, i) -> new EvidenceView(
                        rs.getObject(1, UUID.class),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getLong(4),
                        rs.getTimestamp(5).toInstant()),
                TenantContext.require(),
                findingId);
    }

    /** One file of the finding (not found when it belongs to another), for a caller that has checked the finding. */
    EvidenceContent contentOf(UUID findingId, UUID evidenceId) {
        EvidenceView evidence = evidence(findingId, evidenceId);
        EvidenceType type = EvidenceType.ofMediaType(evidence.mediaType());
        byte[] bytes = blobs.get(TenantContext.require(), evidence.id())
                .orElseThrow(() -> NotFoundException.of("Evidence", evidenceId));
        return new EvidenceContent(evidence.fileName(), type.servedContentType(), type.inline(), bytes);
    }

    @Transactional
    public void remove(UUID projectId, UUID findingId, UUID evidenceId) {
        ProjectView project = projects.requireEditable(projectId);
        Finding finding = find(projectId, findingId);
        EvidenceView evidence = evidence(finding.id(), evidenceId);
        UUID tenant = TenantContext.require();
        blobs.delete(tenant, evidence.id());
        jdbc.update("delete from finding_evidence where tenant_id = ? and id = ?", tenant, evidence.id());
        touchClient(project);
        audit(AuditAction.FINDING_EVIDENCE_REMOVED, project, finding, evidence.fileName());
    }

    private EvidenceView evidence(UUID findingId, UUID evidenceId) {
        return jdbc
                .query(
                        "select id, file_name, media_type, size_bytes, uploaded_at from finding_evidence"
                                + " where tenant_id = ? and finding_id = ? and id = ?",
                        (rs, i) -> new EvidenceView(
                                rs.getObject(1, UUID.class),
                                rs.getString(2),
                                rs.getString(3),
                                rs.getLong(4),
                                rs.getTimestamp(5).toInstant()),
                        TenantContext.require(),
                        findingId,
                        evidenceId)
                .stream()
                .findFirst()
                .orElseThrow(() -> NotFoundException.of("Evidence", evidenceId));
    }

    private Finding find(UUID projectId, UUID findingId) {
        return findings.findByTenantIdAndProjectIdAndId(TenantContext.require(), projectId, findingId)
                .orElseThrow(() -> NotFoundException.of("Finding", findingId));
    }

    private void touchClient(ProjectView project) {
        if (project.clientId() != null) {
            clients.changed(project.clientId());
        }
    }

    private void audit(AuditAction action, ProjectView project, Finding finding, String fileName) {
        events.publishEvent(AuditEvent.byCurrentActor(
                        action, project.name() + " F-" + finding.ref() + " " + finding.title(), fileName)
                .about(project.clientId(), project.id(), "/projects/" + project.id() + "/findings/" + finding.id()));
    }
}
