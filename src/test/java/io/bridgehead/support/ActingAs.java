package io.bridgehead.support;

import io.bridgehead.identity.StaffPrincipal;
import io.bridgehead.shared.tenant.TenantContext;
import io.bridgehead.support.TestWorkspaces.TestUser;
import io.bridgehead.support.TestWorkspaces.TestWorkspace;
import java.util.function.Supplier;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Calls services directly as a signed-in user would reach them: the user's principal in the security context and their
 * workspace in the tenant context, both cleared afterwards.
 */
public final class ActingAs {

    private ActingAs() {}

    public static <T> T call(TestWorkspace workspace, TestUser user, Supplier<T> work) {
        StaffPrincipal principal = new StaffPrincipal(
                workspace.id(), user.id(), user.email(), "Test " + user.role().label(), user.role(), false);
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.authorities()));
        SecurityContextHolder.setContext(context);
        TenantContext.set(workspace.id());
        try {
            return work.get();
        } finally {
            TenantContext.clear();
            SecurityContextHolder.clearContext();
        }
    }

    public static void run(TestWorkspace workspace, TestUser user, Runnable work) {
        call(workspace, user, () -> {
            work.run();
            return null;
        });
    }
}
