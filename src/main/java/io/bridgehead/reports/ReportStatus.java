package io.bridgehead.reports;

/** Where a report version's rendering stands. Only DONE versions have a PDF; FAILED ones have a reason instead. */
public enum ReportStatus {
    QUEUED("Queued"),
    RENDERING("Rendering"),
    DONE("Ready"),
    FAILED("Failed");

    private final String label;

    ReportStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean pending() {
        return this == QUEUED || this == RENDERING;
    }
}
