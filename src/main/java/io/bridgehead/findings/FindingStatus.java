package io.bridgehead.findings;

/** Where a finding stands in remediation (DESIGN §6). */
public enum FindingStatus {
    OPEN("Open", true),
    PENDING_VERIFICATION("Pending verification", true),
    RETEST_REQUESTED("Retest requested", true),
    PARTIALLY_FIXED("Partially fixed", true),
    VERIFIED_FIXED("Verified fixed", false),
    ACCEPTED_RISK("Accepted risk", false),
    CLOSED("Closed", false);

    private final String label;
    private final boolean unresolved;

    FindingStatus(String label, boolean unresolved) {
        this.label = label;
        this.unresolved = unresolved;
    }

    public String label() {
        return label;
    }

    /** Still waiting for a fix or its verification: these count as open and can be overdue. */
    public boolean unresolved() {
        return unresolved;
    }
}
