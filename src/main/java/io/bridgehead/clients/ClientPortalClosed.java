package io.bridgehead.clients;

import java.util.UUID;

/** The firm switched a client's portal off: its portal users' sessions must end. */
public record ClientPortalClosed(UUID tenantId, UUID clientId) {}
