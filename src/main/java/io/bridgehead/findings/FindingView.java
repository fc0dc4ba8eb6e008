package io.bridgehead.findings;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

public record FindingView(
        UUID id,
        UUID projectId,
        int ref,
        String title,
        Severity severity,
        String cvss31Vector,
        BigDecimal cvss31Score,
        String cvss40Vector,
        BigDecimal cvss40Score,
        String description,
        String impact,
        String remediation,
        String technicalDetails,
        String referenceLinks,
        String internalNotes,
        FindingStatus status,
        LocalDate dueDate,
        boolean overdue,
        Instant createdAt,
        Instant updatedAt,
        Instant clientReportedFixedAt,
        Instant verifiedAt,
        int version) {

    public String code() {
        return "F-" + ref;
    }
}
