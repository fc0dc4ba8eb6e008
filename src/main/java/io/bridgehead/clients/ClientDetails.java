package io.bridgehead.clients;

import java.time.Instant;
import java.util.UUID;

public record ClientDetails(
        UUID id,
        String name,
        String contactEmail,
        Industry industry,
        String industryOther,
        String website,
        String phone,
        String address,
        String externalRef,
        ClientStatus status,
        int activeProjects,
        int logoVersion,
        Instant createdAt,
        Instant lastActivityAt,
        Instant archivedAt) {

    public boolean archived() {
        return archivedAt != null;
    }

    public String industryLabel() {
        if (industry == null) {
            return null;
        }
        return industry == Industry.OTHER && industryOther != null ? industryOther : industry.label();
    }

    public String initials() {
        return ClientInitials.of(name);
    }
}
