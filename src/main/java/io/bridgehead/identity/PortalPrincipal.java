package io.bridgehead.identity;

import io.bridgehead.access.PortalActor;
import io.bridgehead.access.PortalRole;
import java.io.Serializable;
import java.util.List;
import java.util.UUID;
import org.springframework.security.core.AuthenticatedPrincipal;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * A signed-in portal user as kept in the portal session. Its name is prefixed so a portal session is never mistaken for
 * a staff user's; its authorities are portal roles only, which no staff rule accepts.
 */
public record PortalPrincipal(
        UUID tenantId, UUID userId, String email, String fullName, UUID clientId, PortalRole portalRole)
        implements PortalActor, AuthenticatedPrincipal, Serializable {

    static final String NAME_PREFIX = "portal:";

    @Override
    public String getName() {
        return NAME_PREFIX + userId;
    }

    List<GrantedAuthority> authorities() {
        return List.of(new SimpleGrantedAuthority("ROLE_PORTAL"), new SimpleGrantedAuthority(portalRole.authority()));
    }
}
