package io.bridgehead.identity;

import io.bridgehead.access.PortalRole;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "portal_user")
class PortalUser {

    @Id
    private UUID id;

    @Column(name = "tenant_id")
    private UUID tenantId;

    @Column(name = "client_id")
    private UUID clientId;

    private String email;

    @Column(name = "full_name")
    private String fullName;

    @Enumerated(EnumType.STRING)
    private PortalRole role;

    @Enumerated(EnumType.STRING)
    private PortalUserStatus status;

    @Column(name = "password_hash")
    private String passwordHash;

    @Column(name = "totp_secret")
    private String totpSecret;

    @Column(name = "totp_last_step")
    private Long totpLastStep;

    @Column(name = "mfa_enrolled_at")
    private Instant mfaEnrolledAt;

    @Column(name = "password_changed_at")
    private Instant passwordChangedAt;

    @Column(name = "invited_at")
    private Instant invitedAt;

    @Column(name = "invited_by")
    private UUID invitedBy;

    @Column(name = "last_sign_in_at")
    private Instant lastSignInAt;

    @Column(name = "removed_at")
    private Instant removedAt;

    @Column(name = "created_at")
    private Instant createdAt;

    @Version
    private int version;

    protected PortalUser() {}

    PortalUser(UUID tenantId, UUID clientId, PortalUserForm form, UUID invitedBy, Instant now) {
        this.id = UUID.randomUUID();
        this.tenantId = tenantId;
        this.clientId = clientId;
        this.invitedBy = invitedBy;
        this.createdAt = now;
        this.status = PortalUserStatus.INVITED;
        this.invitedAt = now;
        change(form);
    }

    void change(PortalUserForm form) {
        this.email = form.email().strip();
        this.fullName = plain(form.fullName());
        this.role = form.role();
    }

    void reinvited(Instant now) {
        this.invitedAt = now;
    }

    void remove(Instant now) {
        this.status = PortalUserStatus.REMOVED;
        this.removedAt = now;
    }

    /** Back to where they were: active if enrolled, otherwise invited again. */
    void restore(Instant now) {
        this.removedAt = null;
        this.status = mfaEnrolledAt == null ? PortalUserStatus.INVITED : PortalUserStatus.ACTIVE;
        if (status == PortalUserStatus.INVITED) {
            this.invitedAt = now;
        }
    }

    void acceptInvitation(String fullName, String passwordHash, Instant now) {
        this.fullName = plain(fullName);
        changePassword(passwordHash, now);
    }

    void changePassword(String passwordHash, Instant now) {
        this.passwordHash = passwordHash;
        // Whole milliseconds: the stamp read back from PostgreSQL (microseconds, rounded) must equal this one.
        this.passwordChangedAt = now.truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    }

    void changeEmail(String email) {
        this.email = email.strip();
    }

    void enrol(String secret, long step, Instant now) {
        this.totpSecret = secret;
        this.totpLastStep = step;
        this.mfaEnrolledAt = now;
        if (status == PortalUserStatus.INVITED) {
            this.status = PortalUserStatus.ACTIVE;
        }
    }

    void resetMfa() {
        this.totpSecret = null;
        this.totpLastStep = null;
        this.mfaEnrolledAt = null;
    }

    void codeAccepted(long step) {
        this.totpLastStep = step;
    }

    void signedIn(Instant now) {
        this.lastSignInAt = now;
    }

    /** Names go into e-mails and pages as text: no line breaks or other control characters. */
    private static String plain(String name) {
        return name.replaceAll("\\p{Cntrl}", " ").strip();
    }

    UUID id() {
        return id;
    }

    UUID tenantId() {
        return tenantId;
    }

    UUID clientId() {
        return clientId;
    }

    String email() {
        return email;
    }

    String fullName() {
        return fullName;
    }

    PortalRole role() {
        return role;
    }

    PortalUserStatus status() {
        return status;
    }

    String passwordHash() {
        return passwordHash;
    }

    String totpSecret() {
        return totpSecret;
    }

    Long totpLastStep() {
        return totpLastStep;
    }

    /** Changes whenever the password is set, so a sign-in begun with an older password cannot be finished. */
    long credentialStamp() {
        return passwordChangedAt == null ? 0 : passwordChangedAt.toEpochMilli();
    }

    /** Whether an invitation (or set-up) link may still be used: not removed and no authenticator yet. */
    boolean awaitingSetup() {
        return !removed() && mfaEnrolledAt == null;
    }

    boolean mfaEnrolled() {
        return mfaEnrolledAt != null;
    }

    boolean removed() {
        return status == PortalUserStatus.REMOVED;
    }

    PortalPrincipal principal() {
        return new PortalPrincipal(tenantId, id, email, fullName, clientId, role);
    }

    PortalUserView view() {
        return new PortalUserView(
                id, clientId, email, fullName, role, status, invitedAt, lastSignInAt, mfaEnrolledAt != null, removedAt);
    }
}
