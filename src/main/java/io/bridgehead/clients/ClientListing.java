package io.bridgehead.clients;

import java.time.Instant;
import java.util.UUID;

/** One row of the client list. */
public record ClientListing(
        UUID id,
        String name,
        String contactEmail,
        String industryLabel,
        ClientStatus status,
        int activeProjects,
        int logoVersion,
        Instant lastActivityAt,
        Instant archivedAt) {

    public String initials() {
        return ClientInitials.of(name);
    }
}
