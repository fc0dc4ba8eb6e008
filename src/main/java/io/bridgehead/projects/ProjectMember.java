package io.bridgehead.projects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.UUID;

@Entity
@Table(name = "project_member")
@IdClass(ProjectMember.Key.class)
class ProjectMember {

    record Key(UUID projectId, UUID userId) implements Serializable {
        Key() {
            this(null, null);
        }
    }

    @Id
    @Column(name = "project_id")
    private UUID projectId;

    @Id
    @Column(name = "user_id")
    private UUID userId;

    @Column(name = "tenant_id")
    private UUID tenantId;

    @Enumerated(EnumType.STRING)
    private ProjectRole role;

    protected ProjectMember() {}

    ProjectMember(UUID tenantId, UUID projectId, UUID userId, ProjectRole role) {
        this.tenantId = tenantId;
        this.projectId = projectId;
        this.userId = userId;
        this.role = role;
    }

    UUID userId() {
        return userId;
    }

    ProjectRole role() {
        return role;
    }

    void changeRole(ProjectRole role) {
        this.role = role;
    }
}
