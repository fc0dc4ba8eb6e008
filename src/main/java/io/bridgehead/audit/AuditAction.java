package io.bridgehead.audit;

/** Everything the audit log records, in the words the viewer shows. */
public enum AuditAction {
    SIGN_IN_SUCCEEDED("Signed in"),
    SIGN_IN_FAILED("Sign-in failed"),
    SIGNED_OUT("Signed out"),
    ACCOUNT_LOCKED("Account locked after failed sign-ins"),
    SESSION_ENDED("Session ended"),
    PASSWORD_CHANGED("Password changed"),
    PASSWORD_RESET_REQUESTED("Password reset requested"),
    PASSWORD_RESET_COMPLETED("Password reset completed"),
    INVITATION_SENT("Invitation sent"),
    INVITATION_RESENT("Invitation resent"),
    INVITATION_REVOKED("Invitation revoked"),
    INVITATION_ACCEPTED("Invitation accepted"),
    ROLE_CHANGED("Role changed"),
    USER_DEACTIVATED("User deactivated"),
    USER_REACTIVATED("User reactivated"),
    PERMISSION_DENIED("Permission denied"),
    WORKSPACE_CREATED("Workspace created"),
    WORKSPACE_SETTINGS_CHANGED("Workspace settings changed"),
    PORTAL_ADDRESS_CHANGED("Portal address changed"),
    PORTAL_BRANDING_CHANGED("Portal branding changed"),
    AUDIT_CHAIN_VERIFIED("Audit chain verified"),
    CLIENT_CREATED("Client created"),
    CLIENT_UPDATED("Client updated"),
    CLIENT_ARCHIVED("Client archived"),
    CLIENT_RESTORED("Client restored"),
    CLIENT_DELETED("Client deleted"),
    CLIENT_LOGO_CHANGED("Client logo changed"),
    CLIENT_CONTACT_ADDED("Client contact added"),
    CLIENT_CONTACT_UPDATED("Client contact updated"),
    CLIENT_CONTACT_REMOVED("Client contact removed"),
    CLIENT_NOTE_ADDED("Client note added"),
    CLIENT_NOTE_EDITED("Client note edited"),
    CLIENT_NOTE_DELETED("Client note deleted"),
    PROJECT_CREATED("Project created"),
    PROJECT_UPDATED("Project updated"),
    PROJECT_MOVED("Project moved to another client"),
    PROJECT_ARCHIVED("Project archived"),
    PROJECT_RESTORED("Project restored"),
    PROJECT_DELETED("Project deleted"),
    PROJECT_TEAM_CHANGED("Project team changed"),
    PROJECT_ASSET_ADDED("Project asset added"),
    PROJECT_ASSET_REMOVED("Project asset removed"),
    FINDING_CREATED("Finding created"),
    FINDING_UPDATED("Finding updated"),
    FINDING_STATUS_CHANGED("Finding status changed"),
    FINDING_TEMPLATE_SAVED("Finding template saved"),
    FINDING_TEMPLATE_DELETED("Finding template deleted"),
    REMEDIATION_SLA_CHANGED("Remediation SLA changed"),
    FINDING_EVIDENCE_ADDED("Finding evidence added"),
    FINDING_EVIDENCE_REMOVED("Finding evidence removed"),
    FINDING_COMMENT_ADDED("Finding comment added"),
    FINDING_COMMENT_EDITED("Finding comment edited"),
    FINDING_COMMENT_DELETED("Finding comment deleted");

    private final String label;

    AuditAction(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
