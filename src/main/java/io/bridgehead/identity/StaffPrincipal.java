package io.bridgehead.identity;

import io.bridgehead.access.PlatformRole;
import io.bridgehead.shared.security.NamedActor;
import java.io.Serializable;
import java.util.List;
import java.util.UUID;
import org.springframework.security.core.AuthenticatedPrincipal;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** The signed-in staff user as kept in the session; its name is the user id so sessions can be found per user. */
public record StaffPrincipal(
        UUID tenantId, UUID userId, String email, String fullName, PlatformRole role, boolean mustChangePassword)
        implements NamedActor, AuthenticatedPrincipal, Serializable {

    @Override
    public String getName() {
        return userId.toString();
    }

    public List<GrantedAuthority> authorities() {
        return List.of(new SimpleGrantedAuthority(role.authority()));
    }
}
