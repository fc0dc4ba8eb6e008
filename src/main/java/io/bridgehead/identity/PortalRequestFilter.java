package io.bridgehead.identity;

import io.bridgehead.audit.AuditAction;
import io.bridgehead.audit.AuditEvent;
import io.bridgehead.shared.tenant.TenantContext;
import io.bridgehead.shared.web.RequestOrigin;
import io.bridgehead.tenancy.PortalWorkspace;
import io.bridgehead.tenancy.Workspaces;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UrlPathHelper;

/**
 * Every portal request: the workspace comes from the address ({@code /portal/{slug}/…}, unknown → 404, a released
 * slug → the new address); a signed-in portal user is re-checked each time — still active, portal still open, address
 * still allowed, within 12 hours of sign-in, belonging to this workspace — and their session ends at once otherwise.
 */
class PortalRequestFilter extends OncePerRequestFilter {

    static final String WORKSPACE_ATTRIBUTE = PortalWorkspace.REQUEST_ATTRIBUTE;

    private final Workspaces workspaces;
    private final PortalSignIn signIn;
    private final PortalSessions sessions;
    private final Duration absoluteLifetime;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    PortalRequestFilter(
            Workspaces workspaces,
            PortalSignIn signIn,
            PortalSessions sessions,
            Duration absoluteLifetime,
            ApplicationEventPublisher events,
            Clock clock) {
        this.workspaces = workspaces;
        this.signIn = signIn;
        this.sessions = sessions;
        this.absoluteLifetime = absoluteLifetime;
        this.events = events;
        this.clock = clock;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = UrlPathHelper.defaultInstance.getPathWithinApplication(request);
        String[] parts = path.split("/", 4);
        Optional<PortalWorkspace> workspace = parts.length < 3
                ? Optional.empty()
                : PortalWorkspace.resolvedFor(request, parts[2]).or(() -> workspaces.forPortalSlug(parts[2]));
        if (workspace.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        if (!workspace.get().slug().equals(parts[2])) {
            moved(request, response, workspace.get(), parts);
            return;
        }
        request.setAttribute(WORKSPACE_ATTRIBUTE, workspace.get());
        try {
            TenantContext.set(workspace.get().id());
            if (sessionStillValid(request, response, workspace.get())) {
                chain.doFilter(request, response);
            }
        } finally {
            TenantContext.clear();
        }
    }

    private boolean sessionStillValid(
            HttpServletRequest request, HttpServletResponse response, PortalWorkspace workspace) throws IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !(authentication.getPrincipal() instanceof PortalPrincipal principal)) {
            return true;
        }
        if (!principal.tenantId().equals(workspace.id())) {
            // Signed in to another workspace's portal: here, that session counts for nothing.
            SecurityContextHolder.clearContext();
            return true;
        }
        String ip = RequestOrigin.of(request).ip();
        if (pastAbsoluteLifetime(request)) {
            return end(request, response, principal, workspace, "Signed in longer than 12 hours", "expired");
        }
        Optional<PortalPrincipal> current = signIn.currentState(principal.userId(), ip);
        if (current.isEmpty()) {
            boolean address = !signIn.addressAllowed(principal.clientId(), ip);
            if (address) {
                events.publishEvent(AuditEvent.byAccount(
                                principal.tenantId(),
                                principal.userId(),
                                principal.email(),
                                AuditAction.PORTAL_REQUEST_BLOCKED,
                                "Address " + ip + " is not on the client's allowlist")
                        .about(principal.clientId(), null, null));
            }
            return end(
                    request,
                    response,
                    principal,
                    workspace,
                    address ? "Address not allowed" : "Access removed or portal closed",
                    address ? "address" : "ended");
        }
        if (!current.get().equals(principal)) {
            sessions.refresh(request, response, current.get());
        }
        return true;
    }

    private boolean pastAbsoluteLifetime(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        Object signedInAt = session == null ? null : session.getAttribute(PortalSessions.SIGNED_IN_AT);
        return !(signedInAt instanceof Long millis) || clock.millis() - millis > absoluteLifetime.toMillis();
    }

    private boolean end(
            HttpServletRequest request,
            HttpServletResponse response,
            PortalPrincipal principal,
            PortalWorkspace workspace,
            String reason,
            String message)
            throws IOException {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        SecurityContextHolder.clearContext();
        events.publishEvent(AuditEvent.byAccount(
                        principal.tenantId(),
                        principal.userId(),
                        principal.email(),
                        AuditAction.SESSION_ENDED,
                        "Portal: " + reason)
                .about(principal.clientId(), null, null));
        String target = request.getContextPath() + "/portal/" + workspace.slug() + "/login?" + message;
        if ("true".equals(request.getHeader("HX-Request"))) {
            response.setHeader("HX-Redirect", target);
            response.setStatus(HttpServletResponse.SC_NO_CONTENT);
            return false;
        }
        response.sendRedirect(target);
        return false;
    }

    private static void moved(
            HttpServletRequest request, HttpServletResponse response, PortalWorkspace workspace, String[] parts)
            throws IOException {
        if (!"GET".equals(request.getMethod())) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        String rest = parts.length > 3 ? "/" + parts[3] : "";
        // Temporary: after 30 days another workspace may own the old address, so browsers must not cache this.
        response.setStatus(HttpServletResponse.SC_FOUND);
        response.setHeader("Location", request.getContextPath() + "/portal/" + workspace.slug() + rest);
    }
}
