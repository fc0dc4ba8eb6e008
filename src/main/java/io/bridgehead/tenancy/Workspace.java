package io.bridgehead.tenancy;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "workspace")
class Workspace {

    @Id
    private UUID id;

    private String name;

    private String slug;

    @Enumerated(EnumType.STRING)
    private Plan plan;

    @Column(name = "idle_timeout_minutes")
    private int idleTimeoutMinutes;

    @Column(name = "portal_idle_timeout_minutes")
    private int portalIdleTimeoutMinutes;

    @Column(name = "slug_changed_at")
    private Instant slugChangedAt;

    @Column(name = "created_at")
    private Instant createdAt;

    protected Workspace() {}

    Workspace(UUID id, String name, String slug, Plan plan, Instant createdAt) {
        this.id = id;
        this.name = name;
        this.slug = slug;
        this.plan = plan;
        this.idleTimeoutMinutes = WorkspaceSettings.DEFAULT_IDLE_TIMEOUT_MINUTES;
        this.portalIdleTimeoutMinutes = WorkspaceSettings.DEFAULT_PORTAL_IDLE_TIMEOUT_MINUTES;
        this.createdAt = createdAt;
    }

    void rename(String name) {
        this.name = name;
    }

    void changeIdleTimeouts(int staffMinutes, int portalMinutes) {
        this.idleTimeoutMinutes = staffMinutes;
        this.portalIdleTimeoutMinutes = portalMinutes;
    }

    void changeSlug(String slug, Instant at) {
        this.slug = slug;
        this.slugChangedAt = at;
    }

    WorkspaceView view() {
        return new WorkspaceView(
                id, name, slug, plan, idleTimeoutMinutes, portalIdleTimeoutMinutes, createdAt, slugChangedAt);
    }

    String name() {
        return name;
    }

    Instant slugChangedAt() {
        return slugChangedAt;
    }

    String slug() {
        return slug;
    }
}
