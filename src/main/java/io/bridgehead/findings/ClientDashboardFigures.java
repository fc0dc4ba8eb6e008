package io.bridgehead.findings;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The portal dashboard's figures, over the portal user's visible projects that are not archived. "Open" means
 * unresolved: Open, Pending verification, Retest requested, Partially fixed. "Fixed" means Verified fixed or Closed.
 * Progress and trend leave out Informational findings (nothing to fix) and Accepted-risk findings (agreed not to fix),
 * so for every project {@code total = open + fixed}.
 *
 * @param activeProjects visible projects not completed and not archived
 * @param openBySeverity every severity, most severe first, zero included
 * @param progress one entry per visible, non-archived project, newest project first
 * @param trend one point per week, the oldest of the last 12 weeks first; the last is the current week so far
 */
public record ClientDashboardFigures(
        int activeProjects, List<SeverityCount> openBySeverity, List<ProjectProgress> progress, List<WeekPoint> trend) {

    public long openTotal() {
        return openBySeverity.stream().mapToLong(SeverityCount::count).sum();
    }

    public record SeverityCount(Severity severity, long count) {}

    /**
     * @param percent fixed of total, rounded down (100 only when everything is fixed); 0 without findings
     */
    public record ProjectProgress(UUID projectId, String name, long total, long fixed, int percent) {

        /** False when there is nothing to fix yet: show "No findings yet" rather than an empty bar. */
        public boolean hasFindings() {
            return total > 0;
        }
    }

    /**
     * @param weekEnding the Sunday (UTC) that ends the week
     * @param open findings open at the end of that week (now, for the current week)
     * @param fixed findings fixed at that time, all fixes so far that still stand
     */
    public record WeekPoint(LocalDate weekEnding, long open, long fixed) {}
}
