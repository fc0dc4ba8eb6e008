package io.bridgehead.tenancy;

import java.util.UUID;

/**
 * The workspace a portal address leads to. {@code slug} is always the workspace's current slug: when it differs from
 * the slug that was asked for, the address was a released one (still reserved for 30 days), and the portal should
 * redirect to the current address.
 */
public record PortalWorkspace(UUID id, String name, String slug) {}
