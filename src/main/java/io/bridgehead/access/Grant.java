package io.bridgehead.access;

/** How far a platform role reaches for one permission. */
public enum Grant {
    ALL("yes"),
    ASSIGNED("assigned projects only"),
    CLIENTS_OF_ASSIGNED("clients of assigned projects"),
    PROJECT_OWNER_OR_EDITOR("where project role is Owner or Editor"),
    PROJECT_OWNER("where project role is Owner"),
    OWNER_OF_NEW("yes (becomes its Owner)"),
    NONE("–");

    private final String description;

    Grant(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }

    public boolean granted() {
        return this != NONE;
    }
}
