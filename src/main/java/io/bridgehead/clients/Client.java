package io.bridgehead.clients;

import io.bridgehead.shared.Text;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "client")
class Client {

    @Id
    private UUID id;

    @Column(name = "tenant_id")
    private UUID tenantId;

    private String name;

    @Column(name = "contact_email")
    private String contactEmail;

    @Enumerated(EnumType.STRING)
    private Industry industry;

    @Column(name = "industry_other")
    private String industryOther;

    private String website;
    private String phone;
    private String address;

    @Column(name = "external_ref")
    private String externalRef;

    @Enumerated(EnumType.STRING)
    private ClientStatus status;

    @Column(name = "active_projects")
    private int activeProjects;

    @Column(name = "logo_version")
    private int logoVersion;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "last_activity_at")
    private Instant lastActivityAt;

    @Column(name = "archived_at")
    private Instant archivedAt;

    @Column(name = "portal_enabled")
    private boolean portalEnabled;

    @Column(name = "portal_show_cvss")
    private boolean portalShowCvss = true;

    @Column(name = "portal_show_technical_details")
    private boolean portalShowTechnicalDetails = true;

    @Column(name = "portal_show_references")
    private boolean portalShowReferences = true;

    @Column(name = "portal_show_evidence")
    private boolean portalShowEvidence = true;

    @Column(name = "portal_ip_allowlist")
    private String portalIpAllowlist = "";

    @Column(name = "report_firm_logo")
    private boolean reportFirmLogo = true;

    @Column(name = "report_client_logo")
    private boolean reportClientLogo = true;

    protected Client() {}

    Client(UUID tenantId, ClientForm form, Instant now) {
        this.id = UUID.randomUUID();
        this.tenantId = tenantId;
        this.createdAt = now;
        update(form, now);
    }

    void update(ClientForm form, Instant now) {
        this.name = form.name().strip();
        this.contactEmail = form.contactEmail().strip();
        this.industry = form.industry();
        this.industryOther = form.industry() == Industry.OTHER ? Text.blankToNull(form.industryOther()) : null;
        this.website = Text.blankToNull(form.website());
        this.phone = Text.blankToNull(form.phone());
        this.address = Text.blankToNull(form.address());
        this.externalRef = Text.blankToNull(form.externalRef());
        this.status = form.status();
        touch(now);
    }

    void touch(Instant now) {
        this.lastActivityAt = now;
    }

    void archive(Instant now) {
        this.archivedAt = now;
        touch(now);
    }

    void restore(Instant now) {
        this.archivedAt = null;
        touch(now);
    }

    void activeProjects(int count) {
        this.activeProjects = count;
    }

    void logoChanged(Instant now) {
        this.logoVersion++;
        touch(now);
    }

    void changePortal(PortalSettingsForm form, Instant now) {
        this.portalEnabled = form.enabled();
        this.portalShowCvss = form.showCvss();
        this.portalShowTechnicalDetails = form.showTechnicalDetails();
        this.portalShowReferences = form.showReferences();
        this.portalShowEvidence = form.showEvidence();
        this.portalIpAllowlist =
                String.join("\n", IpAllowlist.parse(form.ipAllowlist()).entries());
        touch(now);
    }

    void changeReportBranding(ReportBranding branding, Instant now) {
        this.reportFirmLogo = branding.firmLogo();
        this.reportClientLogo = branding.clientLogo();
        touch(now);
    }

    ReportBranding reportBranding() {
        return new ReportBranding(reportFirmLogo, reportClientLogo);
    }

    ClientPortalSettings portal() {
        return new ClientPortalSettings(
                id,
                name,
                portalEnabled,
                archived(),
                new PortalFieldVisibility(
                        portalShowCvss, portalShowTechnicalDetails, portalShowReferences, portalShowEvidence),
                IpAllowlist.parse(portalIpAllowlist));
    }

    UUID id() {
        return id;
    }

    String name() {
        return name;
    }

    boolean archived() {
        return archivedAt != null;
    }

    int logoVersion() {
        return logoVersion;
    }

    ClientForm form() {
        return new ClientForm(
                name,
                contactEmail,
                industry,
                Text.nullToBlank(industryOther),
                Text.nullToBlank(website),
                Text.nullToBlank(phone),
                Text.nullToBlank(address),
                Text.nullToBlank(externalRef),
                status,
                "",
                java.util.List.of());
    }

    ClientDetails details() {
        return new ClientDetails(
                id,
                name,
                contactEmail,
                industry,
                industryOther,
                website,
                phone,
                address,
                externalRef,
                status,
                activeProjects,
                logoVersion,
                createdAt,
                lastActivityAt,
                archivedAt);
    }
}
