package io.bridgehead.findings;

import io.bridgehead.shared.Text;
import java.util.UUID;

/**
 * Search, filters, sort and page of a findings list, across the workspace or (with {@code projectId}) of one project;
 * every part optional. Lives in the URL, so a list can be shared and exported as it is shown.
 *
 * @param overdue only unresolved findings whose due date has passed (UTC)
 */
public record FindingQuery(
        String q,
        Severity severity,
        FindingStatus status,
        UUID clientId,
        UUID projectId,
        boolean overdue,
        FindingSort sort,
        int page) {

    public static final int PAGE_SIZE = 50;

    /** Beyond this many matching findings the list says "10,000+" instead of counting them all. */
    public static final int COUNT_CAP = 10_000;

    public FindingQuery {
        q = Text.blankToNull(q);
        if (q != null && q.length() > 200) {
            q = q.substring(0, 200);
        }
        sort = sort == null ? FindingSort.SEVERITY : sort;
        page = Math.max(page, 0);
    }

    public static FindingQuery all() {
        return new FindingQuery(null, null, null, null, null, false, null, 0);
    }

    /** The same list inside one project. */
    public FindingQuery inProject(UUID project) {
        return new FindingQuery(q, severity, status, clientId, project, overdue, sort, page);
    }

    /** Whether anything narrows the list beyond a fixed project. */
    public boolean filtered() {
        return q != null || severity != null || status != null || clientId != null || overdue;
    }
}
