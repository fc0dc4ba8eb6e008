package io.bridgehead.clients;

import java.time.LocalDate;
import java.util.UUID;

/** A project as the clients module shows it: enough for lists, badges and deletion checks. */
public record ClientProject(
        UUID id,
        String name,
        String status,
        String statusLabel,
        boolean active,
        LocalDate startDate,
        LocalDate endDate) {}
