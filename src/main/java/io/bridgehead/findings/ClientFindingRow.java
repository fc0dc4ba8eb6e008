package io.bridgehead.findings;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One finding in the portal's list of a project's findings.
 *
 * @param cvssScore the CVSS 3.1 score (or, without one, the 4.0 score); null when there is none or the client's portal
 *     does not show CVSS
 */
public record ClientFindingRow(
        UUID id,
        int ref,
        String title,
        Severity severity,
        FindingStatus status,
        LocalDate dueDate,
        boolean overdue,
        BigDecimal cvssScore,
        Instant updatedAt) {

    public String code() {
        return "F-" + ref;
    }
}
