package io.bridgehead.identity;

import io.bridgehead.access.PlatformRole;
import java.time.Instant;
import java.util.UUID;

public record InvitationView(
        UUID id, String email, PlatformRole role, Instant sentAt, Instant expiresAt, boolean expired) {}
