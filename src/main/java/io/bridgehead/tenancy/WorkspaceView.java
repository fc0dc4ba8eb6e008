package io.bridgehead.tenancy;

import java.time.Instant;
import java.util.UUID;

/**
 * A workspace as pages and other modules see it. {@code slugChangedAt} is null until an Admin first changes the slug
 * (which is also the portal address).
 */
public record WorkspaceView(
        UUID id,
        String name,
        String slug,
        Plan plan,
        int idleTimeoutMinutes,
        int portalIdleTimeoutMinutes,
        Instant createdAt,
        Instant slugChangedAt) {}
