package io.bridgehead.access;

/** A staff user's role in the workspace: the ceiling of what project roles can grant. */
public enum PlatformRole {
    ADMIN("Admin"),
    ANALYST("Analyst"),
    REVIEWER("Reviewer"),
    VIEWER("Viewer");

    private final String label;

    PlatformRole(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public String authority() {
        return "ROLE_" + name();
    }
}
