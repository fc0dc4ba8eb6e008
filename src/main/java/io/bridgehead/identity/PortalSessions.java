package io.bridgehead.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.time.Clock;
import java.util.UUID;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;

/**
 * Portal sessions: their own cookie (see {@link SessionCookieConfiguration}), their own security-context attribute, the
 * workspace's portal idle timeout, and a way to end every session of a portal user on all nodes.
 */
@Component
public class PortalSessions {

    static final String CONTEXT_ATTRIBUTE = "BRIDGEHEAD_PORTAL_SECURITY_CONTEXT";
    static final String SIGNED_IN_AT = "bridgehead.portal.signedInAt";

    private final FindByIndexNameSessionRepository<? extends Session> store;
    private final HttpSessionSecurityContextRepository contexts = contextRepository();
    private final Clock clock;

    PortalSessions(FindByIndexNameSessionRepository<? extends Session> store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    static HttpSessionSecurityContextRepository contextRepository() {
        HttpSessionSecurityContextRepository repository = new HttpSessionSecurityContextRepository();
        repository.setSpringSecurityContextKey(CONTEXT_ATTRIBUTE);
        return repository;
    }

    /** Signs the principal in: a new session id (no fixation), the idle timeout, the time of sign-in. */
    public void establish(
            HttpServletRequest request, HttpServletResponse response, PortalPrincipal principal, int idleMinutes) {
        HttpSession existing = request.getSession(false);
        if (existing != null) {
            existing.invalidate();
        }
        HttpSession session = request.getSession(true);
        session.setAttribute(SIGNED_IN_AT, clock.millis());
        // The session store finds sessions per user by this attribute; the default reads the staff context key.
        session.setAttribute(FindByIndexNameSessionRepository.PRINCIPAL_NAME_INDEX_NAME, principal.getName());
        session.setMaxInactiveInterval(idleMinutes * 60);
        refresh(request, response, principal);
    }

    /** Puts the principal into the session (at sign-in, or when a role or name changed since). */
    void refresh(HttpServletRequest request, HttpServletResponse response, PortalPrincipal principal) {
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.authorities()));
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
    }

    public void endAll(UUID userId) {
        endAllExcept(userId, null);
    }

    void endAllExcept(UUID userId, String keepSessionId) {
        store.findByPrincipalName(PortalPrincipal.NAME_PREFIX + userId).keySet().stream()
                .filter(id -> !id.equals(keepSessionId))
                .forEach(store::deleteById);
    }
}
