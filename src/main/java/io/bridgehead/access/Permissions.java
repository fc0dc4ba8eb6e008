package io.bridgehead.access;

import io.bridgehead.shared.security.CurrentActor;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * The one permission check, called first in every use case and by templates to hide what the user may not do.
 * A refusal is audited even though the use case then rolls back.
 */
@Component("permissions")
public class Permissions {

    private final ApplicationEventPublisher events;

    Permissions(ApplicationEventPublisher events) {
        this.events = events;
    }

    public boolean can(Permission permission) {
        return currentRole().map(role -> permission.grantFor(role).granted()).orElse(false);
    }

    /** For templates: {@code ${@permissions.can('ADMINISTER_WORKSPACE')}}. */
    public boolean can(String permission) {
        return can(Permission.valueOf(permission));
    }

    /** How far the current user's role reaches for the permission; NONE when signed out. */
    public Grant grant(Permission permission) {
        return currentRole().map(permission::grantFor).orElse(Grant.NONE);
    }

    public void require(Permission permission) {
        if (can(permission)) {
            return;
        }
        CurrentActor.get()
                .ifPresent(actor -> events.publishEvent(
                        PermissionDenied.of(actor, permission.name(), "Refused: " + permission.description())));
        throw new AuditedAccessDenied("Not permitted: " + permission.description());
    }

    /** Records a refusal decided by a finer rule than the matrix (e.g. "only the author") and returns its exception. */
    public AuditedAccessDenied denied(String target, String reason) {
        CurrentActor.get().ifPresent(actor -> events.publishEvent(PermissionDenied.of(actor, target, reason)));
        return new AuditedAccessDenied(reason);
    }

    public Optional<PlatformRole> currentRole() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null) {
            return Optional.empty();
        }
        return authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .flatMap(authority -> roleOf(authority).stream())
                .findFirst();
    }

    private static Optional<PlatformRole> roleOf(String authority) {
        for (PlatformRole role : PlatformRole.values()) {
            if (role.authority().equals(authority)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }
}
