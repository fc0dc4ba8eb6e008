package io.bridgehead.projects;

/** A user's role on one project; the platform role stays the ceiling. */
public enum ProjectRole {
    OWNER("Owner"),
    EDITOR("Editor"),
    REVIEWER("Reviewer");

    private final String label;

    ProjectRole(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
