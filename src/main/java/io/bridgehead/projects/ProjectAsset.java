package io.bridgehead.projects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "project_asset")
class ProjectAsset {

    @Id
    private UUID id;

    @Column(name = "tenant_id")
    private UUID tenantId;

    @Column(name = "project_id")
    private UUID projectId;

    @Enumerated(EnumType.STRING)
    private AssetKind kind;

    private String value;

    @Column(name = "created_at")
    private Instant createdAt;

    protected ProjectAsset() {}

    ProjectAsset(UUID tenantId, UUID projectId, AssetKind kind, String value, Instant now) {
        this.id = UUID.randomUUID();
        this.tenantId = tenantId;
        this.projectId = projectId;
        this.kind = kind;
        this.value = value;
        this.createdAt = now;
    }

    String value() {
        return value;
    }

    ProjectAssetView view() {
        return new ProjectAssetView(id, kind, value);
    }
}
