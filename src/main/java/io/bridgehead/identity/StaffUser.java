package io.bridgehead.identity;

import io.bridgehead.access.PlatformRole;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "staff_user")
class StaffUser {

    @Id
    private UUID id;

    @Column(name = "tenant_id")
    private UUID tenantId;

    private String email;

    @Column(name = "full_name")
    private String fullName;

    @Column(name = "password_hash")
    private String passwordHash;

    @Enumerated(EnumType.STRING)
    private PlatformRole role;

    private boolean active;

    @Column(name = "must_change_password")
    private boolean mustChangePassword;

    @Column(name = "last_sign_in_at")
    private Instant lastSignInAt;

    @Column(name = "password_changed_at")
    private Instant passwordChangedAt;

    @Column(name = "created_at")
    private Instant createdAt;

    protected StaffUser() {}

    StaffUser(UUID tenantId, String email, String fullName, String passwordHash, PlatformRole role, Instant now) {
        this.id = UUID.randomUUID();
        this.tenantId = tenantId;
        this.email = email;
        this.fullName = fullName;
        this.passwordHash = passwordHash;
        this.role = role;
        this.active = true;
        this.passwordChangedAt = now;
        this.createdAt = now;
    }

    UUID id() {
        return id;
    }

    UUID tenantId() {
        return tenantId;
    }

    String email() {
        return email;
    }

    String fullName() {
        return fullName;
    }

    String passwordHash() {
        return passwordHash;
    }

    PlatformRole role() {
        return role;
    }

    boolean active() {
        return active;
    }

    boolean mustChangePassword() {
        return mustChangePassword;
    }

    void requirePasswordChange() {
        this.mustChangePassword = true;
    }

    void changePassword(String newHash, Instant now) {
        this.passwordHash = newHash;
        this.mustChangePassword = false;
        this.passwordChangedAt = now;
    }

    void changeRole(PlatformRole role) {
        this.role = role;
    }

    void deactivate() {
        this.active = false;
    }

    void reactivate() {
        this.active = true;
    }

    void signedIn(Instant now) {
        this.lastSignInAt = now;
    }

    StaffPrincipal principal() {
        return new StaffPrincipal(tenantId, id, email, fullName, role, mustChangePassword);
    }

    Colleague colleague() {
        return new Colleague(id, fullName, email, role);
    }

    StaffUserView view() {
        return new StaffUserView(id, email, fullName, role, active, lastSignInAt, createdAt);
    }
}
