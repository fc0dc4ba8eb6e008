package io.bridgehead.identity;

import io.bridgehead.access.PortalRole;
import java.time.Instant;
import java.util.UUID;

/** A client's portal user as the firm and the client's Managers see them; no secret of theirs. */
public record PortalUserView(
        UUID id,
        UUID clientId,
        String email,
        String fullName,
        PortalRole role,
        PortalUserStatus status,
        Instant invitedAt,
        Instant lastSignInAt,
        boolean mfaEnrolled,
        Instant removedAt) {}
