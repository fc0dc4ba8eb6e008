package io.bridgehead.tenancy;

import java.util.UUID;

/** The workspace a portal address names. */
public record PortalWorkspace(UUID id, String name, String slug) {}
