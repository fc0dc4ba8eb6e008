package io.bridgehead.findings;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "finding_template")
class FindingTemplate {

    @Id
    private UUID id;

    @Column(name = "tenant_id")
    private UUID tenantId;

    private String title;

    @Enumerated(EnumType.STRING)
    private Severity severity;

    @Column(name = "cvss31_vector")
    private String cvss31Vector;

    private String description;
    private String impact;
    private String remediation;

    @Column(name = "reference_links")
    private String referenceLinks;

    @Column(name = "created_by")
    private UUID createdBy;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "updated_at")
    private Instant updatedAt;

    protected FindingTemplate() {}

    FindingTemplate(UUID tenantId, UUID createdBy, Instant now) {
        this.id = UUID.randomUUID();
        this.tenantId = tenantId;
        this.createdBy = createdBy;
        this.createdAt = now;
    }

    void write(TemplateForm form, String normalisedVector, Instant now) {
        this.title = form.title().strip();
        this.severity = form.severity();
        this.cvss31Vector = normalisedVector;
        this.description = form.description();
        this.impact = form.impact();
        this.remediation = form.remediation();
        this.referenceLinks = form.referenceLinks();
        this.updatedAt = now;
    }

    UUID id() {
        return id;
    }

    String title() {
        return title;
    }

    TemplateForm form() {
        return new TemplateForm(title, severity, cvss31Vector, description, impact, remediation, referenceLinks);
    }

    FindingTemplateView view() {
        return new FindingTemplateView(id, title, severity, cvss31Vector, updatedAt);
    }

    /** A new finding's form, filled from this template. */
    FindingForm findingForm() {
        return new FindingForm(
                title,
                severity,
                cvss31Vector,
                null,
                null,
                description,
                impact,
                remediation,
                "",
                referenceLinks,
                "",
                null,
                java.util.List.of());
    }
}
