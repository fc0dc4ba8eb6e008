package io.bridgehead.identity;

import io.bridgehead.access.PortalActor;
import io.bridgehead.access.PortalPermissions;
import io.bridgehead.audit.AuditAction;
import io.bridgehead.audit.AuditEvent;
import io.bridgehead.clients.ClientPortals;
import io.bridgehead.notifications.MailOutbox;
import io.bridgehead.shared.RuleViolation;
import io.bridgehead.shared.tenant.ScopedTransactions;
import io.bridgehead.shared.tenant.TenantContext;
import io.bridgehead.shared.web.RateLimiter;
import io.bridgehead.tenancy.PortalAddresses;
import io.bridgehead.tenancy.WorkspaceView;
import io.bridgehead.tenancy.Workspaces;
import java.time.Clock;
import java.time.Duration;
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
 * A portal user's own account: accepting the invitation, resetting a forgotten password (which never skips MFA), and
 * changing password, e-mail or authenticator — each change confirmed with the current password.
 */
@Service
public class PortalAccounts {

    static final Duration RESET_VALIDITY = Duration.ofMinutes(30);

    private final RateLimiter resetsPerAddress = new RateLimiter(3, Duration.ofMinutes(15));

    /** What an invitation page shows before it is accepted. */
    public record InvitationDetails(String email, String fullName, String clientName) {}

    /** An accepted invitation: who, and the stamp of the password just set, for the enrolment that follows. */
    public record AcceptedInvitation(UUID userId, long credentialStamp) {}

    private final PortalUserRepository users;
    private final PortalLinks links;
    private final PortalSessions sessions;
    private final RecoveryCodes recoveryCodes;
    private final Totp totp;
    private final PasswordPolicy passwordPolicy;
    private final PasswordEncoder passwordEncoder;
    private final SignInThrottle throttle;
    private final ClientPortals clientPortals;
    private final PortalPermissions portalPermissions;
    private final Workspaces workspaces;
    private final PortalAddresses addresses;
    private final MailOutbox mail;
    private final PasswordResetRequests resetRequests;
    private final ScopedTransactions transactions;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    PortalAccounts(
            PortalUserRepository users,
            PortalLinks links,
            PortalSessions sessions,
            RecoveryCodes recoveryCodes,
            Totp totp,
            PasswordPolicy passwordPolicy,
            PasswordEncoder passwordEncoder,
            SignInThrottle throttle,
            ClientPortals clientPortals,
            PortalPermissions portalPermissions,
            Workspaces workspaces,
            PortalAddresses addresses,
            MailOutbox mail,
            PasswordResetRequests resetRequests,
            ScopedTransactions transactions,
            ApplicationEventPublisher events,
            Clock clock) {
        this.users = users;
        this.links = links;
        this.sessions = sessions;
        this.recoveryCodes = recoveryCodes;
        this.totp = totp;
        this.passwordPolicy = passwordPolicy;
        this.passwordEncoder = passwordEncoder;
        this.throttle = throttle;
        this.clientPortals = clientPortals;
        this.portalPermissions = portalPermissions;
        this.workspaces = workspaces;
        this.addresses = addresses;
        this.mail = mail;
        this.resetRequests = resetRequests;
        this.transactions = transactions;
        this.events = events;
        this.clock = clock;
    }

    // Invitations ----------------------------------------------------------------------------------------------------

    @Transactional(readOnly = true)
    public InvitationDetails invitation(String token) {
        PortalUser user = links.peek(TenantContext.require(), token, PortalLinks.Purpose.INVITATION)
                .flatMap(id -> users.findByTenantIdAndId(TenantContext.require(), id))
                .filter(PortalUser::awaitingSetup)
                .orElseThrow(InvalidLinkException::new);
        String client = clientPortals.forPortal(user.clientId()).orElseThrow().clientName();
        return new InvitationDetails(user.email(), user.fullName(), client);
    }

    /** Sets name and password and uses the link; the user still has to enrol an authenticator to become active. */
    @Transactional
    public AcceptedInvitation acceptInvitation(String token, AcceptInvitationCmd cmd) {
        InvitationDetails details = invitation(token);
        requireAcceptable(cmd.password(), cmd.confirmPassword(), details.email(), "password");
        UUID userId = links.use(TenantContext.require(), token, PortalLinks.Purpose.INVITATION)
                .orElseThrow(InvalidLinkException::new);
        PortalUser user = users.lockById(TenantContext.require(), userId).orElseThrow();
        user.acceptInvitation(cmd.fullName(), passwordEncoder.encode(cmd.password()), now());
        audit(user, AuditAction.PORTAL_INVITATION_ACCEPTED, "Password set; authenticator enrolment next");
        return new AcceptedInvitation(user.id(), user.credentialStamp());
    }

    // Forgotten passwords --------------------------------------------------------------------------------------------

    /**
     * Behaves the same whether or not the address has an account: the lookup and the mail happen after the answer
     * ({@link PasswordResetRequests}).
     */
    public void requestPasswordReset(ForgotPasswordCmd cmd) {
        UUID tenant = TenantContext.require();
        resetRequests.handleLater(() -> transactions.writeAs(tenant, () -> {
            sendResetIfKnown(cmd);
            return null;
        }));
    }

    private void sendResetIfKnown(ForgotPasswordCmd cmd) {
        String email = cmd.email().strip();
        // A few links per address per quarter hour: nobody's inbox can be flooded, and the answer stays the same.
        if (!resetsPerAddress.tryAcquire(TenantContext.require() + ":" + email.toLowerCase(java.util.Locale.ROOT))) {
            return;
        }
        users.findByEmail(TenantContext.require(), email)
                .filter(u -> !u.removed() && u.passwordHash() != null)
                .ifPresent(this::sendReset);
    }

    @Transactional(readOnly = true)
    public String passwordResetEmail(String token) {
        return links.peek(TenantContext.require(), token, PortalLinks.Purpose.PASSWORD_RESET)
                .flatMap(id -> users.findByTenantIdAndId(TenantContext.require(), id))
                .filter(u -> !u.removed())
                .map(PortalUser::email)
                .orElseThrow(InvalidLinkException::new);
    }

    /** A new password; every session ends, and the next sign-in still asks for the authenticator code. */
    @Transactional
    public void resetPassword(String token, ResetPasswordCmd cmd) {
        String email = passwordResetEmail(token);
        requireAcceptable(cmd.newPassword(), cmd.confirmPassword(), email, "newPassword");
        UUID userId = links.use(TenantContext.require(), token, PortalLinks.Purpose.PASSWORD_RESET)
                .orElseThrow(InvalidLinkException::new);
        PortalUser user = users.lockById(TenantContext.require(), userId).orElseThrow();
        user.changePassword(passwordEncoder.encode(cmd.newPassword()), now());
        sessions.endAll(user.id());
        throttle.reset(PortalSignIn.throttleKey(user.email()));
        audit(user, AuditAction.PORTAL_PASSWORD_RESET, "Sessions ended; MFA still required");
    }

    // The signed-in user's own account -------------------------------------------------------------------------------

    @Transactional(readOnly = true)
    public int recoveryCodesLeft() {
        PortalActor actor = portalPermissions.current();
        return recoveryCodes.remaining(actor.tenantId(), actor.userId());
    }

    @Transactional
    public void changePassword(ChangePasswordCmd cmd, String currentSessionId) {
        PortalUser user = confirmedCurrentUser(cmd.currentPassword());
        requireAcceptable(cmd.newPassword(), cmd.confirmPassword(), user.email(), "newPassword");
        if (passwordEncoder.matches(cmd.newPassword(), user.passwordHash())) {
            throw RuleViolation.of("newPassword", "Choose a password different from your current one.");
        }
        user.changePassword(passwordEncoder.encode(cmd.newPassword()), now());
        sessions.endAllExcept(user.id(), currentSessionId);
        audit(user, AuditAction.PORTAL_PASSWORD_CHANGED, "Other sessions ended");
    }

    /**
     * Sends a confirmation link to the new address; the address changes only when that link is used, so nobody can
     * take an address they cannot read. The old address is told.
     */
    @Transactional
    public String requestEmailChange(String currentPassword, String newEmail) {
        PortalUser user = confirmedCurrentUser(currentPassword);
        String email = newEmail == null ? "" : newEmail.strip();
        if (!email.matches("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+") || email.length() > 254) {
            throw RuleViolation.of("email", "Enter a valid e-mail address, such as name@example.com.");
        }
        if (email.equalsIgnoreCase(user.email())) {
            throw RuleViolation.of("email", "This is already your e-mail address.");
        }
        WorkspaceView workspace = workspaces.current();
        String token = links.issueEmailChange(user.tenantId(), user.id(), email, RESET_VALIDITY);
        mail.queuePrivate(
                email,
                "Confirm your new e-mail address for the " + workspace.name() + " portal",
                "Someone asked to use this address for a portal account at " + workspace.name() + ".\n\n"
                        + "Confirm it here within 30 minutes:\n\n"
                        + addresses.baseUrl(workspace.slug()) + "/email/confirm/" + token + "\n\n"
                        + "If you did not ask for this, ignore this message; nothing changes.\n");
        mail.queue(
                user.email(),
                "A change of your portal e-mail address was requested",
                "Someone signed in to your portal account at " + workspace.name()
                        + " asked to change its e-mail address. It changes only when the new address confirms it.\n\n"
                        + "If this was not you, change your password and contact " + workspace.name() + " at once.\n");
        audit(user, AuditAction.PORTAL_EMAIL_CHANGED, "Requested; waiting for the new address to confirm");
        return email;
    }

    /** The address an e-mail change link would confirm, for its page. */
    @Transactional(readOnly = true)
    public String emailChangeFor(String token) {
        return links.peekEmailChange(TenantContext.require(), token)
                .filter(change -> users.findByTenantIdAndId(TenantContext.require(), change.userId())
                        .filter(u -> !u.removed())
                        .isPresent())
                .map(PortalLinks.EmailChange::newEmail)
                .orElseThrow(InvalidLinkException::new);
    }

    /** Uses the link: the address becomes the user's sign-in address and all their sessions end. */
    @Transactional
    public void confirmEmailChange(String token) {
        emailChangeFor(token);
        PortalLinks.EmailChange change =
                links.useEmailChange(TenantContext.require(), token).orElseThrow(InvalidLinkException::new);
        PortalUser user =
                users.lockById(TenantContext.require(), change.userId()).orElseThrow();
        boolean taken = users.findByEmail(user.tenantId(), change.newEmail())
                .filter(u -> !u.id().equals(user.id()))
                .isPresent();
        if (taken) {
            throw new InvalidLinkException();
        }
        String before = user.email();
        user.changeEmail(change.newEmail());
        sessions.endAll(user.id());
        mail.queue(
                before,
                "Your portal e-mail address was changed",
                "The e-mail address of your portal account was changed to " + change.newEmail()
                        + ".\n\nIf you did not do this, contact the firm at once.\n");
        audit(
                user,
                AuditAction.PORTAL_EMAIL_CHANGED,
                "From " + before + " to " + change.newEmail() + "; sessions ended");
    }

    /** Checks the password before a new authenticator is shown; the old one stays until the new one is confirmed. */
    @Transactional
    public PortalSignIn.Enrolment startAuthenticatorChange(String currentPassword, String issuer) {
        PortalUser user = confirmedCurrentUser(currentPassword);
        String secret = totp.newSecret();
        String uri = Totp.enrolmentUri(issuer, user.email(), secret);
        return new PortalSignIn.Enrolment(secret, uri, Totp.qrSvg(uri));
    }

    /** The QR code and key of a new authenticator in progress, for the signed-in user. */
    public PortalSignIn.Enrolment authenticatorFor(String secret, String issuer) {
        String uri = Totp.enrolmentUri(issuer, portalPermissions.current().email(), secret);
        return new PortalSignIn.Enrolment(secret, uri, Totp.qrSvg(uri));
    }

    /** Switches to the new authenticator once it produced a code; new recovery codes replace the old ones. */
    @Transactional
    public Optional<List<String>> completeAuthenticatorChange(String secret, String code, String currentSessionId) {
        PortalUser user = currentUserLocked();
        OptionalLong step = totp.accept(secret, code, null);
        if (step.isEmpty()) {
            return Optional.empty();
        }
        user.enrol(secret, step.getAsLong(), now());
        sessions.endAllExcept(user.id(), currentSessionId);
        audit(
                user,
                AuditAction.PORTAL_MFA_ENROLLED,
                "Authenticator replaced; 10 new recovery codes issued; other sessions ended");
        return Optional.of(recoveryCodes.replace(user.tenantId(), user.id()));
    }

    @Transactional
    public List<String> newRecoveryCodes(String currentPassword, String currentSessionId) {
        PortalUser user = confirmedCurrentUser(currentPassword);
        sessions.endAllExcept(user.id(), currentSessionId);
        audit(
                user,
                AuditAction.PORTAL_RECOVERY_CODES_ISSUED,
                "10 new recovery codes; the old ones no longer work; other sessions ended");
        return recoveryCodes.replace(user.tenantId(), user.id());
    }

    private PortalUser confirmedCurrentUser(String currentPassword) {
        PortalUser user = currentUserLocked();
        String key = PortalSignIn.throttleKey(user.email());
        if (throttle.isLocked(key)) {
            throw RuleViolation.of("currentPassword", "Too many wrong passwords. Try again in 15 minutes.");
        }
        if (currentPassword == null || !passwordEncoder.matches(currentPassword, user.passwordHash())) {
            throttle.registerFailure(key);
            throw RuleViolation.of("currentPassword", "Your current password is not correct.");
        }
        return user;
    }

    private PortalUser currentUserLocked() {
        PortalActor actor = portalPermissions.current();
        return users.lockById(actor.tenantId(), actor.userId()).orElseThrow();
    }

    private void sendReset(PortalUser user) {
        String token = links.issue(user.tenantId(), user.id(), PortalLinks.Purpose.PASSWORD_RESET, RESET_VALIDITY);
        WorkspaceView workspace = workspaces.current();
        mail.queuePrivate(
                user.email(),
                "Reset your " + workspace.name() + " portal password",
                "Someone asked to reset the password of your portal account at " + workspace.name() + ".\n\n"
                        + "Choose a new password here within 30 minutes:\n\n"
                        + addresses.baseUrl(workspace.slug()) + "/password/reset/" + token + "\n\n"
                        + "Signing in will still ask for the code from your authenticator app.\n"
                        + "If you did not ask for this, ignore this message; your password stays as it is.\n");
        audit(user, AuditAction.PASSWORD_RESET_REQUESTED, "Portal");
    }

    private void requireAcceptable(String password, String confirmation, String email, String field) {
        String given = password == null ? "" : password;
        passwordPolicy.problemWith(given, email).ifPresent(problem -> {
            throw RuleViolation.of(field, problem);
        });
        if (!given.equals(confirmation)) {
            throw RuleViolation.of("confirmPassword", "The two passwords do not match.");
        }
    }

    private void audit(PortalUser user, AuditAction action, String details) {
        events.publishEvent(AuditEvent.byAccount(user.tenantId(), user.id(), user.email(), action, details)
                .about(user.clientId(), null, null));
    }

    private Instant now() {
        return Instant.now(clock);
    }
}
