package io.bridgehead.access;

import io.bridgehead.shared.security.NamedActor;
import java.util.UUID;

/** A signed-in person of a client, acting through the portal: bound to one workspace and one client. */
public interface PortalActor extends NamedActor {

    UUID clientId();

    PortalRole portalRole();
}
