package io.bridgehead.projects;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

public record ProjectView(
        UUID id,
        String name,
        UUID clientId,
        ProjectStatus status,
        LocalDate startDate,
        LocalDate endDate,
        Instant createdAt,
        Instant updatedAt) {}
