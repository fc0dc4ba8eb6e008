package io.bridgehead.identity;

import io.bridgehead.access.PlatformRole;
import java.util.UUID;

/** A staff user as their colleagues see them, e.g. in a project team picker. */
public record Colleague(UUID id, String fullName, String email, PlatformRole role) {}
