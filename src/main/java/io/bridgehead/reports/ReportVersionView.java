package io.bridgehead.reports;

import java.time.Instant;
import java.util.UUID;

public record ReportVersionView(
        UUID id,
        UUID projectId,
        int number,
        String title,
        String versionLabel,
        String classification,
        ReportStatus status,
        String failureReason,
        Integer pageCount,
        Long sizeBytes,
        String createdByName,
        Instant createdAt,
        Instant finishedAt,
        Instant releasedAt,
        Instant withdrawnAt,
        int findingCount,
        String templateName) {

    /** Visible to the client: released and not withdrawn. */
    public boolean released() {
        return releasedAt != null && withdrawnAt == null;
    }

    public boolean withdrawn() {
        return withdrawnAt != null;
    }

    public boolean done() {
        return status == ReportStatus.DONE;
    }

    public String code() {
        return "v" + number;
    }
}
