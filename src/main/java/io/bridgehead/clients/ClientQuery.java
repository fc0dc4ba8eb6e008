package io.bridgehead.clients;

/**
 * Search, filters, sort and page of the client list; every part optional. Lives in the URL, so a list can be shared.
 *
 * @param projects "with" or "without" active projects, or blank for both
 */
public record ClientQuery(
        String q,
        Industry industry,
        ClientStatus status,
        String projects,
        ClientSort sort,
        int page,
        boolean archived) {

    public static final int PAGE_SIZE = 25;

    public ClientQuery {
        q = q == null || q.isBlank() ? null : q.strip();
        if (q != null && q.length() > 120) {
            q = q.substring(0, 120);
        }
        projects = "with".equals(projects) || "without".equals(projects) ? projects : null;
        sort = sort == null ? ClientSort.NAME_ASC : sort;
        page = Math.max(page, 0);
    }

    public boolean filtered() {
        return q != null || industry != null || status != null || projects != null;
    }
}
