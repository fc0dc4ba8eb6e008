package io.bridgehead.clients;

/** The orders of the client list; each is served by its own index (see V3 migration). */
public enum ClientSort {
    NAME_ASC("Name A–Z", "lower(name) asc, id asc"),
    NAME_DESC("Name Z–A", "lower(name) desc, id desc"),
    CREATED_NEWEST("Newest first", "created_at desc, id desc"),
    CREATED_OLDEST("Oldest first", "created_at asc, id asc"),
    ACTIVITY_RECENT("Recent activity", "last_activity_at desc, id desc"),
    PROJECTS_MOST("Most active projects", "active_projects desc, id desc");

    private final String label;
    private final String orderBy;

    ClientSort(String label, String orderBy) {
        this.label = label;
        this.orderBy = orderBy;
    }

    public String label() {
        return label;
    }

    String orderBy() {
        return orderBy;
    }
}
