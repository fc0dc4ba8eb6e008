package io.bridgehead.access;

import io.bridgehead.shared.security.Actor;
import io.bridgehead.shared.web.RequestOrigin;

/** A signed-in user was refused something; the audit log records it even though the refused work rolls back. */
public record PermissionDenied(Actor actor, String target, String details, RequestOrigin origin) {

    public static PermissionDenied of(Actor actor, String target, String details) {
        return new PermissionDenied(actor, target, details, RequestOrigin.current());
    }
}
