package io.bridgehead.identity;

import io.bridgehead.audit.AuditAction;
import io.bridgehead.audit.AuditEvent;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Clock;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.logout.LogoutHandler;

/** What happens after a sign-in attempt and at sign-out: session timeouts, redirects, messages, audit. */
class SignInOutcomes implements AuthenticationSuccessHandler, AuthenticationFailureHandler, LogoutHandler {

    static final String SIGNED_IN_AT = "bridgehead.signedInAt";

    private final io.bridgehead.tenancy.Workspaces workspaces;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final SavedRequestAwareAuthenticationSuccessHandler savedRequest =
            new SavedRequestAwareAuthenticationSuccessHandler();

    SignInOutcomes(io.bridgehead.tenancy.Workspaces workspaces, ApplicationEventPublisher events, Clock clock) {
        this.workspaces = workspaces;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public void onAuthenticationSuccess(
            HttpServletRequest request, HttpServletResponse response, Authentication authentication)
            throws IOException, jakarta.servlet.ServletException {
        StaffPrincipal principal = (StaffPrincipal) authentication.getPrincipal();
        HttpSession session = request.getSession();
        session.setAttribute(SIGNED_IN_AT, clock.millis());
        int idleMinutes = io.bridgehead.shared.tenant.TenantContext.callAs(
                principal.tenantId(), () -> workspaces.current().idleTimeoutMinutes());
        session.setMaxInactiveInterval(idleMinutes * 60);
        if (principal.mustChangePassword()) {
            response.sendRedirect(request.getContextPath() + "/account/password?required");
            return;
        }
        savedRequest.onAuthenticationSuccess(request, response, authentication);
    }

    @Override
    public void onAuthenticationFailure(
            HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
            throws IOException {
        String reason = exception instanceof LockedException
                ? "locked"
                : exception instanceof SignInThrottledException ? "throttled" : "invalid";
        response.sendRedirect(request.getContextPath() + "/login?error=" + reason);
    }

    @Override
    public void logout(HttpServletRequest request, HttpServletResponse response, Authentication authentication) {
        if (authentication != null && authentication.getPrincipal() instanceof StaffPrincipal principal) {
            events.publishEvent(AuditEvent.byAccount(
                    principal.tenantId(), principal.userId(), principal.email(), AuditAction.SIGNED_OUT, null));
        }
    }
}
