package io.bridgehead.findings;

import io.bridgehead.clients.PortalFieldVisibility;
import io.bridgehead.projects.ProjectAssetView;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A finding as the client's portal shows it. Only what the client may read: never the firm's internal notes, internal
 * comments or who created it. The optional fields follow the client's portal settings ({@code shown}): a field the
 * firm does not show is null (or an empty list), not merely hidden by the page.
 *
 * @param descriptionHtml Markdown fields also come rendered and sanitized ({@code *Html}), safe to insert unescaped
 * @param moves the moves the current portal user may make now (their role allows it and the status permits it)
 */
public record ClientFindingDetail(
        UUID id,
        UUID projectId,
        String projectName,
        int ref,
        String title,
        Severity severity,
        FindingStatus status,
        String description,
        String descriptionHtml,
        String impact,
        String impactHtml,
        String remediation,
        String remediationHtml,
        String cvss31Vector,
        BigDecimal cvss31Score,
        String cvss40Vector,
        BigDecimal cvss40Score,
        String technicalDetails,
        String technicalDetailsHtml,
        List<String> references,
        List<EvidenceView> evidence,
        List<ProjectAssetView> affectedAssets,
        LocalDate dueDate,
        boolean overdue,
        Instant createdAt,
        Instant updatedAt,
        Instant clientReportedFixedAt,
        Instant verifiedAt,
        PortalFieldVisibility shown,
        List<FindingTransition> moves) {

    public String code() {
        return "F-" + ref;
    }
}
