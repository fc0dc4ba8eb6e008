package io.bridgehead.identity;

import io.bridgehead.audit.AuditAction;
import io.bridgehead.audit.AuditEvent;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/** Signs staff in by e-mail and password, with per-IP and per-e-mail throttling, and audits every outcome. */
class StaffAuthenticationProvider implements AuthenticationProvider {

    private final StaffAccounts accounts;
    private final SignInThrottle throttle;
    private final PasswordEncoder passwordEncoder;
    private final ApplicationEventPublisher events;
    private final io.bridgehead.shared.web.RateLimiter ipLimiter;
    private final String dummyHash;

    StaffAuthenticationProvider(
            StaffAccounts accounts,
            SignInThrottle throttle,
            PasswordEncoder passwordEncoder,
            ApplicationEventPublisher events,
            io.bridgehead.shared.web.RateLimiter ipLimiter) {
        this.accounts = accounts;
        this.throttle = throttle;
        this.passwordEncoder = passwordEncoder;
        this.events = events;
        this.ipLimiter = ipLimiter;
        this.dummyHash = passwordEncoder.encode("not-a-real-password-only-for-equal-timing");
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String email =
                authentication.getName() == null ? "" : authentication.getName().strip();
        String password = authentication.getCredentials() == null
                ? ""
                : authentication.getCredentials().toString();
        if (!ipLimiter.tryAcquire(remoteAddress(authentication))) {
            throw new SignInThrottledException();
        }
        if (email.isEmpty() || email.length() > 254 || password.length() > PasswordPolicy.MAX_LENGTH) {
            throw new BadCredentialsException("Invalid e-mail or password");
        }
        SignInThrottle.Admission admission = throttle.admit(email);
        if (!admission.admitted()) {
            throw new LockedException("Locked");
        }
        Optional<StaffAccounts.SignInCandidate> candidate = accounts.findForSignIn(email);
        boolean passwordMatches = passwordEncoder.matches(
                password,
                candidate.map(StaffAccounts.SignInCandidate::passwordHash).orElse(dummyHash));
        if (candidate.isEmpty() || !passwordMatches || !candidate.get().active()) {
            failed(email, admission, candidate);
        }
        throttle.reset(email);
        StaffPrincipal principal = accounts.recordSignIn(
                candidate.get().tenantId(), candidate.get().userId());
        events.publishEvent(AuditEvent.byAccount(
                principal.tenantId(), principal.userId(), principal.email(), AuditAction.SIGN_IN_SUCCEEDED, null));
        return UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.authorities());
    }

    private void failed(
            String email, SignInThrottle.Admission admission, Optional<StaffAccounts.SignInCandidate> candidate) {
        boolean lockedNow = throttle.failed(email, admission);
        if (candidate.isEmpty()) {
            // No workspace to audit into: the installation log gets the attempt and its address, not what was typed.
            events.publishEvent(AuditEvent.byAccount(null, null, null, AuditAction.SIGN_IN_FAILED, null));
        }
        candidate.ifPresent(c -> {
            events.publishEvent(AuditEvent.byAccount(
                    c.tenantId(),
                    c.userId(),
                    c.email(),
                    AuditAction.SIGN_IN_FAILED,
                    c.active() ? "Wrong password" : "Account is deactivated"));
            if (lockedNow) {
                events.publishEvent(AuditEvent.byAccount(
                        c.tenantId(),
                        c.userId(),
                        c.email(),
                        AuditAction.ACCOUNT_LOCKED,
                        SignInThrottle.MAX_FAILURES + " failed attempts; locked for " + SignInThrottle.LOCK.toMinutes()
                                + " minutes"));
            }
        });
        if (lockedNow) {
            throw new LockedException("Locked");
        }
        throw new BadCredentialsException("Invalid e-mail or password");
    }

    private static String remoteAddress(Authentication authentication) {
        return authentication.getDetails() instanceof WebAuthenticationDetails details
                ? details.getRemoteAddress()
                : "unknown";
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
