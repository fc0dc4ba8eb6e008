package io.bridgehead.tenancy;

import java.time.Instant;
import java.util.UUID;

public record WorkspaceView(UUID id, String name, String slug, Plan plan, int idleTimeoutMinutes, Instant createdAt) {}
