package io.bridgehead.projects;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

public record ProjectView(
        UUID id,
        String name,
        UUID clientId,
        ProjectStatus status,
        ProjectType type,
        LocalDate startDate,
        LocalDate endDate,
        String scope,
        String description,
        Instant createdAt,
        Instant updatedAt,
        Instant archivedAt,
        int version,
        boolean visibleToClient) {

    public boolean archived() {
        return archivedAt != null;
    }

    public ProjectForm form() {
        return new ProjectForm(name, clientId, status, type, startDate, endDate, scope, description);
    }
}
