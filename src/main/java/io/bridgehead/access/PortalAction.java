package io.bridgehead.access;

/** The portal's permission matrix: each action names the least portal role that may take it. */
public enum PortalAction {
    SEE("See the client's visible projects, findings and status history", PortalRole.VIEWER),
    DOWNLOAD_REPORTS("Download released reports", PortalRole.VIEWER),
    COMMENT("Comment on findings (shared comments) and mention the project's team", PortalRole.COLLABORATOR),
    MARK_REMEDIATED("Mark a finding as remediated (notes required)", PortalRole.MANAGER),
    REQUEST_RETEST("Request a retest of a finding", PortalRole.MANAGER),
    MANAGE_PORTAL_USERS("Invite, edit and remove the client's portal users", PortalRole.MANAGER);

    private final String description;
    private final PortalRole minimumRole;

    PortalAction(String description, PortalRole minimumRole) {
        this.description = description;
        this.minimumRole = minimumRole;
    }

    public String description() {
        return description;
    }

    public PortalRole minimumRole() {
        return minimumRole;
    }
}
