package io.bridgehead.findings;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

@Entity
@Table(name = "finding")
class Finding {

    @Id
    private UUID id;

    @Column(name = "tenant_id")
    private UUID tenantId;

    @Column(name = "project_id")
    private UUID projectId;

    private int ref;
    private String title;

    @Enumerated(EnumType.STRING)
    private Severity severity;

    @Column(name = "cvss31_vector")
    private String cvss31Vector;

    @Column(name = "cvss31_score")
    private BigDecimal cvss31Score;

    @Column(name = "cvss40_vector")
    private String cvss40Vector;

    @Column(name = "cvss40_score")
    private BigDecimal cvss40Score;

    private String description;
    private String impact;
    private String remediation;

    @Column(name = "technical_details")
    private String technicalDetails;

    @Column(name = "reference_links")
    private String referenceLinks;

    @Column(name = "internal_notes")
    private String internalNotes;

    @Enumerated(EnumType.STRING)
    private FindingStatus status;

    @Column(name = "due_date")
    private LocalDate dueDate;

    @Column(name = "created_by")
    private UUID createdBy;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "updated_at")
    private Instant updatedAt;

    @Column(name = "client_reported_fixed_at")
    private Instant clientReportedFixedAt;

    @Column(name = "verified_at")
    private Instant verifiedAt;

    @jakarta.persistence.Version
    private int version;

    protected Finding() {}

    Finding(UUID tenantId, UUID projectId, int ref, UUID createdBy, Instant now) {
        this.id = UUID.randomUUID();
        this.tenantId = tenantId;
        this.projectId = projectId;
        this.ref = ref;
        this.createdBy = createdBy;
        this.createdAt = now;
        this.status = FindingStatus.OPEN;
    }

    /** Applies a checked form: the scores and severity are already decided by the service. */
    void write(FindingForm form, Severity severity, Cvss31 cvss31, LocalDate dueDate, Instant now) {
        this.title = form.title().strip();
        this.severity = severity;
        this.cvss31Vector = cvss31 == null ? null : cvss31.vector();
        this.cvss31Score = cvss31 == null ? null : BigDecimal.valueOf(cvss31.baseScore());
        this.cvss40Vector = form.cvss40Vector();
        this.cvss40Score = form.cvss40Vector() == null ? null : form.cvss40Score();
        this.description = form.description();
        this.impact = form.impact();
        this.remediation = form.remediation();
        this.technicalDetails = form.technicalDetails();
        this.referenceLinks = form.referenceLinks();
        this.internalNotes = form.internalNotes();
        this.dueDate = dueDate;
        this.updatedAt = now;
    }

    void move(FindingTransition transition, Instant now) {
        this.status = transition.to();
        this.updatedAt = now;
        if (transition == FindingTransition.MARK_REMEDIATED) {
            this.clientReportedFixedAt = now;
        }
        // Every verification outcome (fixed, not fixed, partially fixed) is the firm's answer: time-to-verify ends
        // there.
        if (transition.verification()) {
            this.verifiedAt = now;
        }
    }

    UUID id() {
        return id;
    }

    UUID projectId() {
        return projectId;
    }

    int ref() {
        return ref;
    }

    String title() {
        return title;
    }

    int version() {
        return version;
    }

    FindingStatus status() {
        return status;
    }

    Severity severity() {
        return severity;
    }

    FindingView view(LocalDate today) {
        boolean overdue = status.unresolved() && dueDate != null && dueDate.isBefore(today);
        return new FindingView(
                id,
                projectId,
                ref,
                title,
                severity,
                cvss31Vector,
                cvss31Score,
                cvss40Vector,
                cvss40Score,
                description,
                impact,
                remediation,
                technicalDetails,
                referenceLinks,
                internalNotes,
                status,
                dueDate,
                overdue,
                createdAt,
                updatedAt,
                clientReportedFixedAt,
                verifiedAt,
                version);
    }

    FindingForm form(java.util.List<UUID> assetIds) {
        return new FindingForm(
                title,
                severity,
                cvss31Vector,
                cvss40Vector,
                cvss40Score,
                description,
                impact,
                remediation,
                technicalDetails,
                referenceLinks,
                internalNotes,
                dueDate,
                assetIds);
    }
}
