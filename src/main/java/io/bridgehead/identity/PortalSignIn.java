package io.bridgehead.identity;

import io.bridgehead.audit.AuditAction;
import io.bridgehead.audit.AuditEvent;
import io.bridgehead.clients.ClientPortalSettings;
import io.bridgehead.clients.ClientPortals;
import io.bridgehead.shared.tenant.ScopedTransactions;
import io.bridgehead.shared.tenant.TenantContext;
import io.bridgehead.shared.web.RateLimiter;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Portal sign-in in two steps, for the workspace of the portal address (the current tenant): the password, then a TOTP
 * code or a single-use recovery code. Throttled per IP and per e-mail like staff sign-in; the messages before a correct
 * password never say whether an account exists.
 */
@Service
public class PortalSignIn {

    /** What the password step leads to. */
    public enum Next {
        SECOND_FACTOR,
        /** No authenticator yet (never enrolled, or reset by the firm): only the e-mailed link can set one up. */
        SETUP_LINK_NEEDED,
        REFUSED,
        LOCKED,
        THROTTLED,
        ADDRESS_REFUSED,
        PORTAL_CLOSED
    }

    /**
     * @param credentialStamp when the password was last set; the later steps refuse to continue once it changed (a
     *     reset in between ends a half-finished sign-in)
     */
    public record PasswordResult(Next next, UUID userId, long credentialStamp) {

        static PasswordResult of(Next next) {
            return new PasswordResult(next, null, 0);
        }
    }

    /** A TOTP enrolment in progress: the secret stays in the session until a first code confirms it. */
    public record Enrolment(String secret, String uri, String qrSvg) {}

    private final PortalUserRepository users;
    private final PasswordEncoder passwordEncoder;
    private final SignInThrottle throttle;
    private final RateLimiter ipLimiter;
    private final ClientPortals clientPortals;
    private final Totp totp;
    private final RecoveryCodes recoveryCodes;
    private final ApplicationEventPublisher events;
    private final ScopedTransactions transactions;
    private final Clock clock;
    private final String dummyHash;

    PortalSignIn(
            PortalUserRepository users,
            PasswordEncoder passwordEncoder,
            SignInThrottle throttle,
            IdentityProperties properties,
            ClientPortals clientPortals,
            Totp totp,
            RecoveryCodes recoveryCodes,
            ApplicationEventPublisher events,
            ScopedTransactions transactions,
            Clock clock) {
        this.users = users;
        this.transactions = transactions;
        this.passwordEncoder = passwordEncoder;
        this.throttle = throttle;
        this.ipLimiter = new RateLimiter(properties.signInAttemptsPerIp(), properties.signInIpWindow());
        this.clientPortals = clientPortals;
        this.totp = totp;
        this.recoveryCodes = recoveryCodes;
        this.events = events;
        this.clock = clock;
        this.dummyHash = passwordEncoder.encode("not-a-real-password-only-for-equal-timing");
    }

    /**
     * Holds no database connection while it waits for another or checks the password: the throttle commits on its
     * own connection, and a sign-in that held one while asking for a second let ten parallel attempts take the whole
     * pool and wait for each other until the pool gave up (30 s of errors for everyone).
     */
    public PasswordResult checkPassword(String typedEmail, String password, String ip) {
        String email = typedEmail == null ? "" : typedEmail.strip();
        String pass = password == null ? "" : password;
        if (!ipLimiter.tryAcquire(networkOf(ip))) {
            return PasswordResult.of(Next.THROTTLED);
        }
        if (email.isEmpty() || email.length() > 254 || pass.length() > PasswordPolicy.MAX_LENGTH) {
            return PasswordResult.of(Next.REFUSED);
        }
        SignInThrottle.Admission admission = throttle.admit(throttleKey(email));
        if (!admission.admitted()) {
            events.publishEvent(AuditEvent.byAccount(
                    TenantContext.require(), null, email, AuditAction.PORTAL_SIGN_IN_FAILED, "E-mail locked"));
            return PasswordResult.of(Next.LOCKED);
        }
        UUID tenant = TenantContext.require();
        Optional<PortalUser> candidate = transactions
                .readAs(tenant, () -> users.findByEmail(tenant, email))
                .filter(u -> !u.removed() && u.passwordHash() != null);
        boolean matches = passwordEncoder.matches(
                pass, candidate.map(PortalUser::passwordHash).orElse(dummyHash));
        if (candidate.isEmpty() || !matches) {
            return failed(email, admission, candidate, "Wrong password");
        }
        throttle.passed(throttleKey(email));
        PortalUser user = candidate.get();
        Optional<Next> closed = gate(user, ip);
        if (closed.isPresent()) {
            boolean address = closed.get() == Next.ADDRESS_REFUSED;
            audit(
                    user,
                    address ? AuditAction.PORTAL_SIGN_IN_BLOCKED : AuditAction.PORTAL_SIGN_IN_FAILED,
                    address ? "Address " + ip + " is not on the client's allowlist" : "The client's portal is closed");
            return PasswordResult.of(closed.get());
        }
        if (!user.mfaEnrolled()) {
            // A password alone must never set up a second factor: that takes the link sent to the user's address.
            audit(user, AuditAction.PORTAL_SIGN_IN_FAILED, "No authenticator set up; the e-mailed link is needed");
            return PasswordResult.of(Next.SETUP_LINK_NEEDED);
        }
        return new PasswordResult(Next.SECOND_FACTOR, user.id(), user.credentialStamp());
    }

    /**
     * The second step: a TOTP code (never the same one twice) or an unused recovery code. The attempt is counted by the
     * throttle before the user is locked, never while: parallel guesses that waited on the lock with a connection each
     * used to starve the holder, which needed a second connection for the throttle.
     */
    public Optional<PortalPrincipal> secondFactor(UUID userId, long credentialStamp, String code, String ip) {
        UUID tenant = TenantContext.require();
        Optional<PortalUser> user = transactions
                .readAs(tenant, () -> users.findByTenantIdAndId(tenant, userId))
                .filter(u -> mayContinue(u, credentialStamp));
        if (user.isEmpty() || gate(user.get(), ip).isPresent()) {
            return Optional.empty();
        }
        SignInThrottle.Admission admission =
                throttle.admit(throttleKey(user.get().email()));
        if (!admission.admitted()) {
            return Optional.empty();
        }
        Optional<PortalPrincipal> principal =
                transactions.writeAs(tenant, () -> acceptCode(userId, credentialStamp, code));
        if (principal.isPresent()) {
            throttle.reset(throttleKey(user.get().email()));
            return principal;
        }
        failed(user.get().email(), admission, user, "Wrong authentication code");
        return Optional.empty();
    }

    /** With the user locked, so that one TOTP step or recovery code is accepted once even by parallel requests. */
    private Optional<PortalPrincipal> acceptCode(UUID userId, long credentialStamp, String code) {
        PortalUser user = users.lockById(TenantContext.require(), userId).orElseThrow();
        if (!mayContinue(user, credentialStamp)) {
            return Optional.empty();
        }
        OptionalLong step = totp.accept(user.totpSecret(), code, user.totpLastStep());
        if (step.isPresent()) {
            user.codeAccepted(step.getAsLong());
            return Optional.of(signedIn(user, null));
        }
        if (RecoveryCodes.looksLikeRecoveryCode(code) && recoveryCodes.use(user.tenantId(), user.id(), code)) {
            int left = recoveryCodes.remaining(user.tenantId(), user.id());
            audit(user, AuditAction.PORTAL_RECOVERY_CODE_USED, left + " recovery codes left");
            return Optional.of(signedIn(user, "With a recovery code"));
        }
        return Optional.empty();
    }

    /** Still the account whose password the first step checked: not removed, enrolled, password unchanged since. */
    private static boolean mayContinue(PortalUser user, long credentialStamp) {
        return !user.removed() && user.mfaEnrolled() && user.credentialStamp() == credentialStamp;
    }

    /**
     * The enrolment page's content for a user who has no authenticator yet: for the given secret, or a new one when
     * it is null (the secret is kept in the session until a first code confirms it).
     */
    @Transactional(readOnly = true)
    public Enrolment enrolment(UUID userId, String issuer, String secretOrNull) {
        PortalUser user =
                users.findByTenantIdAndId(TenantContext.require(), userId).orElseThrow();
        String secret = secretOrNull == null ? totp.newSecret() : secretOrNull;
        String uri = Totp.enrolmentUri(issuer, user.email(), secret);
        return new Enrolment(secret, uri, Totp.qrSvg(uri));
    }

    /**
     * Confirms the enrolment with a first code from the app; returns the ten recovery codes (shown once), or empty
     * when the code is wrong.
     */
    @Transactional
    public Optional<List<String>> completeEnrolment(UUID userId, long credentialStamp, String secret, String code) {
        PortalUser user = users.lockById(TenantContext.require(), userId).orElseThrow();
        if (user.removed() || user.mfaEnrolled() || user.credentialStamp() != credentialStamp) {
            return Optional.empty();
        }
        OptionalLong step = totp.accept(secret, code, null);
        if (step.isEmpty()) {
            return Optional.empty();
        }
        user.enrol(secret, step.getAsLong(), Instant.now(clock));
        audit(user, AuditAction.PORTAL_MFA_ENROLLED, "Authenticator app enrolled; 10 recovery codes issued");
        return Optional.of(recoveryCodes.replace(user.tenantId(), user.id()));
    }

    /** Signs in a user who has just completed enrolment, which proved both factors. */
    public Optional<PortalPrincipal> afterEnrolment(UUID userId, long credentialStamp, String ip) {
        UUID tenant = TenantContext.require();
        Optional<PortalPrincipal> principal = transactions.writeAs(tenant, () -> {
            PortalUser user = users.lockById(tenant, userId).orElseThrow();
            if (!mayContinue(user, credentialStamp) || gate(user, ip).isPresent()) {
                return Optional.empty();
            }
            return Optional.of(signedIn(user, "After enrolling an authenticator app"));
        });
        principal.ifPresent(p -> throttle.reset(throttleKey(p.email())));
        return principal;
    }

    /**
     * The user as a session should now see them, or empty when the session must end: removed, no longer enrolled,
     * portal closed, client archived or the address no longer allowed.
     */
    @Transactional(readOnly = true)
    public Optional<PortalPrincipal> currentState(UUID userId, String ip) {
        return users.findByTenantIdAndId(TenantContext.require(), userId)
                .filter(u -> u.status() == PortalUserStatus.ACTIVE && u.mfaEnrolled())
                .filter(u -> gate(u, ip).isEmpty())
                .map(PortalUser::principal);
    }

    /** Why a user with the right password may still not come in: the client's portal or their address. */
    private Optional<Next> gate(PortalUser user, String ip) {
        Optional<ClientPortalSettings> portal = clientPortals.forPortal(user.clientId());
        if (portal.isEmpty() || !portal.get().open()) {
            return Optional.of(Next.PORTAL_CLOSED);
        }
        if (!portal.get().ipAllowlist().allows(ip)) {
            return Optional.of(Next.ADDRESS_REFUSED);
        }
        return Optional.empty();
    }

    /** Whether the client's allowlist admits the address; for every portal request. */
    @Transactional(readOnly = true)
    public boolean addressAllowed(UUID clientId, String ip) {
        return clientPortals
                .forPortal(clientId)
                .map(p -> p.ipAllowlist().allows(ip))
                .orElse(false);
    }

    private PortalPrincipal signedIn(PortalUser user, String details) {
        user.signedIn(Instant.now(clock));
        audit(user, AuditAction.PORTAL_SIGN_IN_SUCCEEDED, details);
        return user.principal();
    }

    private PasswordResult failed(
            String email, SignInThrottle.Admission admission, Optional<PortalUser> user, String reason) {
        boolean lockedNow = throttle.failed(throttleKey(email), admission);
        String details = reason + (lockedNow ? "; locked for " + SignInThrottle.LOCK.toMinutes() + " minutes" : "");
        if (user.isPresent()) {
            audit(user.get(), AuditAction.PORTAL_SIGN_IN_FAILED, details);
        } else {
            // Audited too: guesses at addresses show in the trail, and both answers cost the same write.
            events.publishEvent(AuditEvent.byAccount(
                    TenantContext.require(), null, email, AuditAction.PORTAL_SIGN_IN_FAILED, "No such account"));
        }
        return PasswordResult.of(lockedNow ? Next.LOCKED : Next.REFUSED);
    }

    private void audit(PortalUser user, AuditAction action, String details) {
        events.publishEvent(AuditEvent.byAccount(user.tenantId(), user.id(), user.email(), action, details)
                .about(user.clientId(), null, null));
    }

    /** IPv6 clients usually own a whole /64, so the limit counts per /64 there and per address for IPv4. */
    static String networkOf(String ip) {
        if (ip == null || !ip.contains(":") || !ip.matches("[0-9a-fA-F:.]+")) {
            return String.valueOf(ip);
        }
        try {
            byte[] address = java.net.InetAddress.getByName(ip).getAddress();
            return address.length == 16
                    ? java.util.HexFormat.of().formatHex(address, 0, 8) + "::/64"
                    : java.net.InetAddress.getByAddress(address).getHostAddress();
        } catch (java.net.UnknownHostException e) {
            return ip;
        }
    }

    /** Portal and staff accounts are counted apart, and per workspace, as the same e-mail may exist in several. */
    static String throttleKey(String email) {
        return "portal:" + TenantContext.require() + ":" + email;
    }
}
