package io.bridgehead.projects;

import io.bridgehead.clients.ClientProject;
import io.bridgehead.shared.Text;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

@Entity
@Table(name = "project")
class Project {

    @Id
    private UUID id;

    @Column(name = "tenant_id")
    private UUID tenantId;

    private String name;

    @Column(name = "client_id")
    private UUID clientId;

    @Enumerated(EnumType.STRING)
    private ProjectStatus status;

    @Enumerated(EnumType.STRING)
    private ProjectType type;

    private String scope;

    private String description;

    @Column(name = "archived_at")
    private Instant archivedAt;

    @jakarta.persistence.Version
    private int version;

    @Column(name = "start_date")
    private LocalDate startDate;

    @Column(name = "end_date")
    private LocalDate endDate;

    @Column(name = "created_by")
    private UUID createdBy;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "updated_at")
    private Instant updatedAt;

    @Column(name = "visible_to_client")
    private boolean visibleToClient = true;

    protected Project() {}

    Project(UUID tenantId, ProjectForm form, UUID createdBy, Instant now) {
        this.id = UUID.randomUUID();
        this.tenantId = tenantId;
        this.createdBy = createdBy;
        this.createdAt = now;
        this.clientId = form.clientId();
        update(form, now);
    }

    void update(ProjectForm form, Instant now) {
        this.name = form.name().strip();
        this.status = form.status();
        this.startDate = form.startDate();
        this.endDate = form.endDate();
        this.type = form.type();
        this.scope = Text.strippedOrEmpty(form.scope());
        this.description = Text.strippedOrEmpty(form.description());
        this.updatedAt = now;
    }

    void archive(Instant now) {
        this.archivedAt = now;
        this.updatedAt = now;
    }

    void restore(Instant now) {
        this.archivedAt = null;
        this.updatedAt = now;
    }

    int version() {
        return version;
    }

    boolean archived() {
        return archivedAt != null;
    }

    void moveTo(UUID clientId, Instant now) {
        this.clientId = clientId;
        this.updatedAt = now;
    }

    UUID id() {
        return id;
    }

    boolean visibleToClient() {
        return visibleToClient;
    }

    UUID clientId() {
        return clientId;
    }

    String name() {
        return name;
    }

    ProjectView view() {
        return new ProjectView(
                id,
                name,
                clientId,
                status,
                type,
                startDate,
                endDate,
                scope,
                description,
                createdAt,
                updatedAt,
                archivedAt,
                version,
                visibleToClient);
    }

    void showToClient(boolean visible, Instant now) {
        this.visibleToClient = visible;
        this.updatedAt = now;
    }

    ClientProject forClients() {
        return new ClientProject(
                id, name, status.name(), status.label(), status.active() && !archived(), startDate, endDate);
    }
}
