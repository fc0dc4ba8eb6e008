package io.bridgehead.access;

import io.bridgehead.shared.security.CurrentActor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * The portal's one permission check: services that act for a client's person call {@link #require} first. Staff
 * principals never pass it, and portal principals never pass {@link Permissions}.
 */
@Component("portalPermissions")
public class PortalPermissions {

    private final ApplicationEventPublisher events;

    PortalPermissions(ApplicationEventPublisher events) {
        this.events = events;
    }

    /** The signed-in portal person; anyone else is refused. */
    public PortalActor current() {
        return CurrentActor.get()
                .filter(PortalActor.class::isInstance)
                .map(PortalActor.class::cast)
                .orElseThrow(() -> new AccessDeniedException("Only a client's portal user may do this"));
    }

    public boolean can(PortalAction action) {
        return CurrentActor.get()
                .filter(PortalActor.class::isInstance)
                .map(actor -> ((PortalActor) actor).portalRole().allows(action))
                .orElse(false);
    }

    /** For templates: {@code ${@portalPermissions.can('COMMENT')}}. */
    public boolean can(String action) {
        return can(PortalAction.valueOf(action));
    }

    public PortalActor require(PortalAction action) {
        PortalActor actor = current();
        if (actor.portalRole().allows(action)) {
            return actor;
        }
        events.publishEvent(PermissionDenied.of(actor, action.name(), "Refused: " + action.description()));
        throw new AuditedAccessDenied("Not permitted: " + action.description());
    }
}
