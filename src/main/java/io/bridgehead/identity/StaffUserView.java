package io.bridgehead.identity;

import io.bridgehead.access.PlatformRole;
import java.time.Instant;
import java.util.UUID;

public record StaffUserView(
        UUID id,
        String email,
        String fullName,
        PlatformRole role,
        boolean active,
        Instant lastSignInAt,
        Instant createdAt) {

    public String status() {
        return active ? "Active" : "Deactivated";
    }
}
