package io.bridgehead.support;

import io.bridgehead.access.PortalActor;
import io.bridgehead.access.PortalRole;
import io.bridgehead.shared.tenant.TenantContext;
import io.bridgehead.support.TestWorkspaces.TestWorkspace;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Calls services as a client's portal user would reach them, without the portal's sign-in: a {@link PortalActor} with
 * the role's authority in the security context and the workspace in the tenant context, both cleared afterwards. No
 * portal_user row is needed by the findings services; tests that need one insert it themselves.
 */
public final class ActingAsPortalUser {

    private ActingAsPortalUser() {}

    /** A portal user of a client, as the portal's principal carries it. */
    public record TestPortalUser(
            UUID tenantId, UUID userId, String email, String fullName, UUID clientId, PortalRole portalRole)
            implements PortalActor {}

    /** A new portal user (fresh id and e-mail) of the client, named after the role: "Client Manager". */
    public static TestPortalUser of(TestWorkspace workspace, UUID clientId, PortalRole role) {
        String email = "portal-" + role.name().toLowerCase(Locale.ROOT) + "-"
                + UUID.randomUUID().toString().substring(0, 8) + "@client.test";
        return new TestPortalUser(workspace.id(), UUID.randomUUID(), email, "Client " + role.label(), clientId, role);
    }

    public static <T> T call(TestPortalUser user, Supplier<T> work) {
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                user, null, List.of(new SimpleGrantedAuthority(user.portalRole().authority()))));
        SecurityContextHolder.setContext(context);
        TenantContext.set(user.tenantId());
        try {
            return work.get();
        } finally {
            TenantContext.clear();
            SecurityContextHolder.clearContext();
        }
    }

    public static void run(TestPortalUser user, Runnable work) {
        call(user, () -> {
            work.run();
            return null;
        });
    }
}
