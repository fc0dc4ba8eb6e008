package io.bridgehead.findings;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** One row of a findings list or export. */
public record FindingListing(
        UUID id,
        UUID projectId,
        String projectName,
        UUID clientId,
        String clientName,
        int ref,
        String title,
        Severity severity,
        BigDecimal cvss31Score,
        FindingStatus status,
        LocalDate dueDate,
        boolean overdue,
        Instant updatedAt) {

    public String code() {
        return "F-" + ref;
    }
}
