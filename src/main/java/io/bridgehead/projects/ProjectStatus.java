package io.bridgehead.projects;

/** Delivery state of a project, in workflow order; everything but Completed counts as active. */
public enum ProjectStatus {
    PLANNED("Planned"),
    IN_PROGRESS("Testing"),
    REPORTING("Reporting"),
    REMEDIATION("Remediation"),
    RETEST("Retest"),
    COMPLETED("Closed");

    private final String label;

    ProjectStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean active() {
        return this != COMPLETED;
    }
}
