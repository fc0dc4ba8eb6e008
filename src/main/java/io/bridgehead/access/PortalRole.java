package io.bridgehead.access;

/** What a client's own person may do in the portal; each role includes the one before it. */
public enum PortalRole {
    VIEWER("Viewer", "Sees the client's visible projects, findings and released reports"),
    COLLABORATOR("Collaborator", "Also comments on findings and mentions the firm's team"),
    MANAGER("Manager", "Also marks findings remediated, requests retests and manages the client's portal users");

    private final String label;
    private final String description;

    PortalRole(String label, String description) {
        this.label = label;
        this.description = description;
    }

    public String label() {
        return label;
    }

    public String description() {
        return description;
    }

    public String authority() {
        return "ROLE_PORTAL_" + name();
    }

    public boolean allows(PortalAction action) {
        return compareTo(action.minimumRole()) >= 0;
    }
}
