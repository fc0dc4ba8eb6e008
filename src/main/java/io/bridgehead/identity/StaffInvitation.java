package io.bridgehead.identity;

import io.bridgehead.access.PlatformRole;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "staff_invitation")
class StaffInvitation {

    static final Duration VALIDITY = Duration.ofHours(72);

    @Id
    private UUID id;

    @Column(name = "tenant_id")
    private UUID tenantId;

    private String email;

    @Enumerated(EnumType.STRING)
    private PlatformRole role;

    @Column(name = "token_hash")
    private String tokenHash;

    @Column(name = "invited_by")
    private UUID invitedBy;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "expires_at")
    private Instant expiresAt;

    @Column(name = "accepted_at")
    private Instant acceptedAt;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    protected StaffInvitation() {}

    StaffInvitation(UUID tenantId, String email, PlatformRole role, String tokenHash, UUID invitedBy, Instant now) {
        this.id = UUID.randomUUID();
        this.tenantId = tenantId;
        this.email = email;
        this.role = role;
        this.tokenHash = tokenHash;
        this.invitedBy = invitedBy;
        this.createdAt = now;
        this.expiresAt = now.plus(VALIDITY);
    }

    UUID id() {
        return id;
    }

    String email() {
        return email;
    }

    PlatformRole role() {
        return role;
    }

    boolean usableAt(Instant now) {
        return acceptedAt == null && revokedAt == null && now.isBefore(expiresAt);
    }

    boolean open() {
        return acceptedAt == null && revokedAt == null;
    }

    /** A new link replaces the old one, which stops working, and the clock starts again. */
    void reissue(String tokenHash, Instant now) {
        this.tokenHash = tokenHash;
        this.createdAt = now;
        this.expiresAt = now.plus(VALIDITY);
    }

    void accept(Instant now) {
        this.acceptedAt = now;
    }

    void revoke(Instant now) {
        this.revokedAt = now;
    }

    InvitationView view(Instant now) {
        return new InvitationView(id, email, role, createdAt, expiresAt, !now.isBefore(expiresAt));
    }
}
