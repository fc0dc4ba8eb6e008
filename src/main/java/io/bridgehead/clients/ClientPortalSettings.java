package io.bridgehead.clients;

import java.util.UUID;

/**
 * A client's portal: whether it is open, which finding fields it shows and which addresses may use it. An archived
 * client's portal is closed whatever the switch says.
 */
public record ClientPortalSettings(
        UUID clientId,
        String clientName,
        boolean enabled,
        boolean archived,
        PortalFieldVisibility fields,
        IpAllowlist ipAllowlist) {

    public boolean open() {
        return enabled && !archived;
    }
}
