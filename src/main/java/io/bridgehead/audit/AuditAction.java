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
    AUDIT_CHAIN_VERIFIED("Audit chain verified");

    private final String label;

    AuditAction(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
