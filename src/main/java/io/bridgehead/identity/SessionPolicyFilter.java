package io.bridgehead.identity;

import io.bridgehead.audit.AuditAction;
import io.bridgehead.audit.AuditEvent;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UrlPathHelper;

/**
 * On every request of a signed-in user: ends sessions past their absolute lifetime, ends sessions of deactivated users,
 * picks up role changes at once, and sends a user who must change their password to that page first.
 */
class SessionPolicyFilter extends OncePerRequestFilter {

    private static final Set<String> ALLOWED_BEFORE_PASSWORD_CHANGE = Set.of("/account/password", "/logout", "/error");

    private final StaffAccounts accounts;
    private final Duration absoluteLifetime;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

    SessionPolicyFilter(
            StaffAccounts accounts, Duration absoluteLifetime, ApplicationEventPublisher events, Clock clock) {
        this.accounts = accounts;
        this.absoluteLifetime = absoluteLifetime;
        this.events = events;
        this.clock = clock;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = pathOf(request);
        return path.startsWith("/webjars/")
                || path.startsWith("/css/")
                || path.startsWith("/js/")
                || path.startsWith("/img/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !(authentication.getPrincipal() instanceof StaffPrincipal principal)) {
            chain.doFilter(request, response);
            return;
        }
        if (pastAbsoluteLifetime(request)) {
            end(
                    request,
                    response,
                    principal,
                    "Signed in longer than " + absoluteLifetime.toHours() + " hours",
                    "expired");
            return;
        }
        Optional<StaffPrincipal> current = accounts.currentState(principal.tenantId(), principal.userId());
        if (current.isEmpty()) {
            end(request, response, principal, "Account deactivated", "ended");
            return;
        }
        if (!current.get().equals(principal)) {
            refresh(request, response, current.get());
        }
        if (current.get().mustChangePassword() && !ALLOWED_BEFORE_PASSWORD_CHANGE.contains(pathOf(request))) {
            response.sendRedirect(request.getContextPath() + "/account/password?required");
            return;
        }
        chain.doFilter(request, response);
    }

    /**
     * The path within the application. Not the servlet path: that is only the DispatcherServlet's mapping prefix when it
     * is not mapped to {@code /}, and empty under MockMvc, which sent the password page to itself in a redirect loop.
     */
    private static String pathOf(HttpServletRequest request) {
        return UrlPathHelper.defaultInstance.getPathWithinApplication(request);
    }

    private boolean pastAbsoluteLifetime(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        Object signedInAt = session == null ? null : session.getAttribute(SignInOutcomes.SIGNED_IN_AT);
        return !(signedInAt instanceof Long millis) || clock.millis() - millis > absoluteLifetime.toMillis();
    }

    private void refresh(HttpServletRequest request, HttpServletResponse response, StaffPrincipal current) {
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(current, null, current.authorities()));
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
    }

    private void end(
            HttpServletRequest request,
            HttpServletResponse response,
            StaffPrincipal principal,
            String reason,
            String message)
            throws IOException {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        SecurityContextHolder.clearContext();
        events.publishEvent(AuditEvent.byAccount(
                principal.tenantId(), principal.userId(), principal.email(), AuditAction.SESSION_ENDED, reason));
        response.sendRedirect(request.getContextPath() + "/login?" + message);
    }
}
