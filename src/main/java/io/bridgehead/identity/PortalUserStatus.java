package io.bridgehead.identity;

/** Where a portal user stands: invited (not yet through MFA enrolment), active, or removed by the firm or a Manager. */
public enum PortalUserStatus {
    INVITED("Invited"),
    ACTIVE("Active"),
    REMOVED("Removed");

    private final String label;

    PortalUserStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
