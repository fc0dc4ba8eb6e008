package io.bridgehead.identity;

import io.bridgehead.access.Permission;
import io.bridgehead.access.Permissions;
import io.bridgehead.access.PlatformRole;
import io.bridgehead.audit.AuditAction;
import io.bridgehead.audit.AuditEvent;
import io.bridgehead.notifications.MailOutbox;
import io.bridgehead.shared.NotFoundException;
import io.bridgehead.shared.RuleViolation;
import io.bridgehead.shared.security.CurrentActor;
import io.bridgehead.shared.tenant.ScopedTransactions;
import io.bridgehead.shared.tenant.TenantContext;
import io.bridgehead.shared.web.PublicUrl;
import io.bridgehead.tenancy.Workspaces;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Staff accounts of the current workspace: invitations, passwords, roles and (de)activation. */
@Service
public class StaffAccounts {

    private final StaffUserRepository users;
    private final StaffInvitationRepository invitations;
    private final PasswordResetRepository resets;
    private final PasswordEncoder passwordEncoder;
    private final PasswordPolicy passwordPolicy;
    private final Permissions permissions;
    private final MailOutbox mail;
    private final PublicUrl publicUrl;
    private final SessionTerminator sessions;
    private final SignInThrottle throttle;
    private final ScopedTransactions transactions;
    private final PasswordResetRequests resetRequests;
    private final Workspaces workspaces;
    private final JdbcTemplate jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    StaffAccounts(
            StaffUserRepository users,
            StaffInvitationRepository invitations,
            PasswordResetRepository resets,
            PasswordEncoder passwordEncoder,
            PasswordPolicy passwordPolicy,
            Permissions permissions,
            MailOutbox mail,
            PublicUrl publicUrl,
            SessionTerminator sessions,
            SignInThrottle throttle,
            ScopedTransactions transactions,
            PasswordResetRequests resetRequests,
            Workspaces workspaces,
            JdbcTemplate jdbc,
            ApplicationEventPublisher events,
            Clock clock) {
        this.users = users;
        this.invitations = invitations;
        this.resets = resets;
        this.passwordEncoder = passwordEncoder;
        this.passwordPolicy = passwordPolicy;
        this.permissions = permissions;
        this.mail = mail;
        this.publicUrl = publicUrl;
        this.sessions = sessions;
        this.throttle = throttle;
        this.transactions = transactions;
        this.resetRequests = resetRequests;
        this.workspaces = workspaces;
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    record SignInCandidate(UUID tenantId, UUID userId, String email, String passwordHash, boolean active) {}

    // Sign-in -------------------------------------------------------------------------------------------------------

    Optional<SignInCandidate> findForSignIn(String email) {
        return transactions.readAsSystem(() -> users.findAnyByEmail(email)
                .map(u -> new SignInCandidate(u.tenantId(), u.id(), u.email(), u.passwordHash(), u.active())));
    }

    StaffPrincipal recordSignIn(UUID tenantId, UUID userId) {
        return transactions.writeAs(tenantId, () -> {
            StaffUser user = users.findByTenantIdAndId(tenantId, userId).orElseThrow();
            user.signedIn(now());
            return user.principal();
        });
    }

    /** The user as they are now, or empty when deactivated or gone: checked on every request. */
    Optional<StaffPrincipal> currentState(UUID tenantId, UUID userId) {
        return transactions.readAs(
                tenantId,
                () -> users.findByTenantIdAndId(tenantId, userId)
                        .filter(StaffUser::active)
                        .map(StaffUser::principal));
    }

    // First run -----------------------------------------------------------------------------------------------------

    /** Creates the first Admin of a new workspace with a random one-time password, which is returned once. */
    @Transactional
    public String createFirstAdmin(String email, String fullName) {
        requireSystemSetup();
        UUID tenant = TenantContext.require();
        String oneTimePassword = randomPassword();
        StaffUser admin = new StaffUser(
                tenant, email, fullName, passwordEncoder.encode(oneTimePassword), PlatformRole.ADMIN, now());
        admin.requirePasswordChange();
        users.save(admin);
        return oneTimePassword;
    }

    /** Creates an active user with a chosen password: workspace setup only, never from a signed-in request. */
    @Transactional
    public UUID createUser(String email, String fullName, PlatformRole role, String password) {
        requireSystemSetup();
        requireAcceptable(password, password, email, "password");
        StaffUser user = new StaffUser(
                TenantContext.require(), email.strip(), fullName, passwordEncoder.encode(password), role, now());
        return users.save(user).id();
    }

    // Passwords -----------------------------------------------------------------------------------------------------

    @Transactional
    public void changePassword(ChangePasswordCmd cmd, String currentSessionId) {
        StaffUser user = currentUser();
        if (throttle.isLocked(user.email())) {
            throw RuleViolation.of("currentPassword", "Too many wrong passwords. Try again in 15 minutes.");
        }
        if (!passwordEncoder.matches(cmd.currentPassword(), user.passwordHash())) {
            throttle.registerFailure(user.email());
            throw RuleViolation.of("currentPassword", "Your current password is not correct.");
        }
        requireAcceptable(cmd.newPassword(), cmd.confirmPassword(), user.email(), "newPassword");
        if (passwordEncoder.matches(cmd.newPassword(), user.passwordHash())) {
            throw RuleViolation.of("newPassword", "Choose a password different from your current one.");
        }
        user.changePassword(passwordEncoder.encode(cmd.newPassword()), now());
        sessions.endAllExcept(user.id(), currentSessionId);
        events.publishEvent(AuditEvent.byCurrentActor(AuditAction.PASSWORD_CHANGED, user.email(), null));
    }

    /**
     * Always behaves the same whether or not the address has an account, so it reveals nothing: the lookup and the
     * mail happen after the answer ({@link PasswordResetRequests}).
     */
    public void requestPasswordReset(ForgotPasswordCmd cmd) {
        resetRequests.handleLater(() -> issueResetIfActive(cmd));
    }

    private void issueResetIfActive(ForgotPasswordCmd cmd) {
        findForSignIn(cmd.email().strip())
                .filter(SignInCandidate::active)
                .ifPresent(candidate -> transactions.writeAs(candidate.tenantId(), () -> {
                    issueReset(candidate);
                    return null;
                }));
    }

    private void issueReset(SignInCandidate candidate) {
        resets.retireAll(candidate.tenantId(), candidate.userId(), now());
        AccessToken token = AccessToken.issue(candidate.tenantId());
        resets.save(new PasswordReset(candidate.tenantId(), candidate.userId(), token.hash(), now()));
        mail.queuePrivate(
                candidate.email(),
                "Reset your Bridgehead password",
                "Someone (hopefully you) asked to reset the password of your Bridgehead account.\n\n"
                        + "Choose a new password here within 30 minutes:\n\n"
                        + publicUrl.of("/password/reset?token=" + token.value()) + "\n\n"
                        + "The link works once. If you did not ask for it, ignore this message: your password stays as it is.\n");
        events.publishEvent(AuditEvent.byAccount(
                candidate.tenantId(),
                candidate.userId(),
                candidate.email(),
                AuditAction.PASSWORD_RESET_REQUESTED,
                null));
    }

    /** Checks a reset link before showing the form; throws InvalidLinkException when it cannot be used. */
    public void checkResetLink(String token) {
        AccessToken parsed = AccessToken.parse(token).orElseThrow(InvalidLinkException::new);
        transactions.readAs(parsed.tenantId(), () -> activeUserOf(usableReset(parsed), parsed.tenantId()));
    }

    public void resetPassword(String token, ResetPasswordCmd cmd) {
        AccessToken parsed = AccessToken.parse(token).orElseThrow(InvalidLinkException::new);
        transactions.writeAs(parsed.tenantId(), () -> {
            PasswordReset reset = resets.lockByTenantIdAndTokenHash(parsed.tenantId(), parsed.hash())
                    .filter(r -> r.usableAt(now()))
                    .orElseThrow(InvalidLinkException::new);
            StaffUser user = activeUserOf(reset, parsed.tenantId());
            requireAcceptable(cmd.newPassword(), cmd.confirmPassword(), user.email(), "newPassword");
            reset.use(now());
            resets.retireAll(parsed.tenantId(), user.id(), now());
            user.changePassword(passwordEncoder.encode(cmd.newPassword()), now());
            sessions.endAll(user.id());
            throttle.reset(user.email());
            events.publishEvent(AuditEvent.byAccount(
                    user.tenantId(),
                    user.id(),
                    user.email(),
                    AuditAction.PASSWORD_RESET_COMPLETED,
                    "All sessions ended"));
            return null;
        });
    }

    private StaffUser activeUserOf(PasswordReset reset, UUID tenantId) {
        return users.findByTenantIdAndId(tenantId, reset.userId())
                .filter(StaffUser::active)
                .orElseThrow(InvalidLinkException::new);
    }

    private PasswordReset usableReset(AccessToken token) {
        return resets.findByTenantIdAndTokenHash(token.tenantId(), token.hash())
                .filter(r -> r.usableAt(now()))
                .orElseThrow(InvalidLinkException::new);
    }

    // Invitations ---------------------------------------------------------------------------------------------------

    @Transactional
    public void invite(InviteStaffCmd cmd) {
        permissions.require(Permission.ADMINISTER_WORKSPACE);
        UUID tenant = TenantContext.require();
        String email = cmd.email().strip();
        if (transactions.readAsSystem(() -> users.existsAnyByEmail(email))) {
            throw RuleViolation.of("email", "This address already has a Bridgehead account.");
        }
        if (!invitations.findOpenFor(tenant, email).isEmpty()) {
            throw RuleViolation.of("email", "An invitation to this address is already open; resend it from the list.");
        }
        AccessToken token = AccessToken.issue(tenant);
        StaffInvitation invitation = invitations.save(new StaffInvitation(
                tenant,
                email,
                cmd.role(),
                token.hash(),
                CurrentActor.get().orElseThrow().userId(),
                now()));
        mailInvitation(invitation, token);
        events.publishEvent(AuditEvent.byCurrentActor(
                AuditAction.INVITATION_SENT, email, "Role " + cmd.role().label()));
    }

    @Transactional
    public void resendInvitation(UUID invitationId) {
        permissions.require(Permission.ADMINISTER_WORKSPACE);
        StaffInvitation invitation = openInvitation(invitationId);
        AccessToken token = AccessToken.issue(TenantContext.require());
        invitation.reissue(token.hash(), now());
        mailInvitation(invitation, token);
        events.publishEvent(
                AuditEvent.byCurrentActor(AuditAction.INVITATION_RESENT, invitation.email(), "Earlier link revoked"));
    }

    @Transactional
    public void revokeInvitation(UUID invitationId) {
        permissions.require(Permission.ADMINISTER_WORKSPACE);
        StaffInvitation invitation = openInvitation(invitationId);
        invitation.revoke(now());
        events.publishEvent(AuditEvent.byCurrentActor(AuditAction.INVITATION_REVOKED, invitation.email(), null));
    }

    private StaffInvitation openInvitation(UUID invitationId) {
        return invitations
                .findByTenantIdAndId(TenantContext.require(), invitationId)
                .filter(StaffInvitation::open)
                .orElseThrow(() -> NotFoundException.of("Invitation", invitationId));
    }

    private void mailInvitation(StaffInvitation invitation, AccessToken token) {
        String workspace = workspaces.current().name();
        mail.queuePrivate(
                invitation.email(),
                "You are invited to " + workspace + " on Bridgehead",
                "You have been invited to join " + workspace + " on Bridgehead as "
                        + invitation.role().label() + ".\n\n"
                        + "Accept the invitation and choose your password here within 72 hours:\n\n"
                        + publicUrl.of("/invitations/" + token.value()) + "\n\n"
                        + "The link works once. If you did not expect this invitation, ignore this message.\n");
    }

    /** The invitation behind a link, for the acceptance page; throws InvalidLinkException when it cannot be used. */
    public InvitationView invitationFor(String token) {
        AccessToken parsed = AccessToken.parse(token).orElseThrow(InvalidLinkException::new);
        return transactions.readAs(
                parsed.tenantId(), () -> usableInvitation(parsed).view(now()));
    }

    public void acceptInvitation(String token, AcceptInvitationCmd cmd) {
        AccessToken parsed = AccessToken.parse(token).orElseThrow(InvalidLinkException::new);
        transactions.writeAs(parsed.tenantId(), () -> {
            StaffInvitation invitation = invitations
                    .lockByTenantIdAndTokenHash(parsed.tenantId(), parsed.hash())
                    .filter(i -> i.usableAt(now()))
                    .orElseThrow(InvalidLinkException::new);
            requireAcceptable(cmd.password(), cmd.confirmPassword(), invitation.email(), "password");
            if (transactions.readAsSystem(() -> users.existsAnyByEmail(invitation.email()))) {
                throw new InvalidLinkException();
            }
            invitation.accept(now());
            StaffUser user = users.save(new StaffUser(
                    parsed.tenantId(),
                    invitation.email(),
                    cmd.fullName().strip(),
                    passwordEncoder.encode(cmd.password()),
                    invitation.role(),
                    now()));
            events.publishEvent(AuditEvent.byAccount(
                    parsed.tenantId(),
                    user.id(),
                    user.email(),
                    AuditAction.INVITATION_ACCEPTED,
                    "Joined as " + invitation.role().label()));
            return null;
        });
    }

    private StaffInvitation usableInvitation(AccessToken token) {
        return invitations
                .findByTenantIdAndTokenHash(token.tenantId(), token.hash())
                .filter(i -> i.usableAt(now()))
                .orElseThrow(InvalidLinkException::new);
    }

    // User management -----------------------------------------------------------------------------------------------

    @Transactional(readOnly = true)
    public Page<StaffUserView> users(int page) {
        permissions.require(Permission.ADMINISTER_WORKSPACE);
        return users.findByTenantIdOrderByFullNameAsc(TenantContext.require(), PageRequest.of(Math.max(page, 0), 25))
                .map(StaffUser::view);
    }

    @Transactional(readOnly = true)
    public List<InvitationView> openInvitations() {
        permissions.require(Permission.ADMINISTER_WORKSPACE);
        Instant now = now();
        return invitations.findOpen(TenantContext.require()).stream()
                .map(i -> i.view(now))
                .toList();
    }

    @Transactional(readOnly = true)
    public StaffUserView user(UUID userId) {
        permissions.require(Permission.ADMINISTER_WORKSPACE);
        return userInWorkspace(userId).view();
    }

    @Transactional
    public void changeRole(UUID userId, PlatformRole role) {
        permissions.require(Permission.ADMINISTER_WORKSPACE);
        lockAdminChanges();
        StaffUser user = userInWorkspace(userId);
        if (user.role() == role) {
            return;
        }
        if (user.role() == PlatformRole.ADMIN && user.active()) {
            requireAnotherActiveAdmin("role");
        }
        PlatformRole previous = user.role();
        user.changeRole(role);
        events.publishEvent(AuditEvent.byCurrentActor(
                AuditAction.ROLE_CHANGED, user.email(), previous.label() + " → " + role.label()));
    }

    @Transactional
    public void deactivate(UUID userId) {
        permissions.require(Permission.ADMINISTER_WORKSPACE);
        lockAdminChanges();
        StaffUser user = userInWorkspace(userId);
        if (!user.active()) {
            return;
        }
        if (user.role() == PlatformRole.ADMIN) {
            requireAnotherActiveAdmin("active");
        }
        user.deactivate();
        sessions.endAll(user.id());
        events.publishEvent(
                AuditEvent.byCurrentActor(AuditAction.USER_DEACTIVATED, user.email(), "All sessions ended"));
    }

    @Transactional
    public void reactivate(UUID userId) {
        permissions.require(Permission.ADMINISTER_WORKSPACE);
        StaffUser user = userInWorkspace(userId);
        if (user.active()) {
            return;
        }
        user.reactivate();
        events.publishEvent(AuditEvent.byCurrentActor(AuditAction.USER_REACTIVATED, user.email(), null));
    }

    /** Serialises admin-count decisions per workspace, so two Admins cannot demote each other at the same moment. */
    private void lockAdminChanges() {
        jdbc.queryForObject(
                "select pg_advisory_xact_lock(hashtextextended(?, 11))",
                Object.class,
                TenantContext.require().toString());
    }

    private void requireAnotherActiveAdmin(String field) {
        if (users.countByTenantIdAndRoleAndActiveTrue(TenantContext.require(), PlatformRole.ADMIN) <= 1) {
            throw RuleViolation.of(
                    field, "The workspace needs at least one active Admin. Make someone else Admin first.");
        }
    }

    private StaffUser userInWorkspace(UUID userId) {
        return users.findByTenantIdAndId(TenantContext.require(), userId)
                .orElseThrow(() -> NotFoundException.of("User", userId));
    }

    private StaffUser currentUser() {
        UUID userId = CurrentActor.get().orElseThrow().userId();
        return users.findByTenantIdAndId(TenantContext.require(), userId).orElseThrow();
    }

    private void requireAcceptable(String password, String confirmation, String email, String field) {
        passwordPolicy.problemWith(password, email).ifPresent(problem -> {
            throw RuleViolation.of(field, problem);
        });
        if (!password.equals(confirmation)) {
            throw RuleViolation.of("confirmPassword", "The two passwords do not match.");
        }
    }

    /** Setup steps run outside any user's request (first start, provisioning); a signed-in user may not call them. */
    private void requireSystemSetup() {
        if (CurrentActor.get().isPresent()) {
            throw permissions.denied("Workspace setup", "Only the system sets up accounts outside invitations");
        }
    }

    private Instant now() {
        return Instant.now(clock);
    }

    private static String randomPassword() {
        String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
        SecureRandom random = new SecureRandom();
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            if (i > 0 && i % 5 == 0) {
                password.append('-');
            }
            password.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return password.toString().toLowerCase(Locale.ROOT).equals(password.toString())
                ? randomPassword()
                : password.toString();
    }
}
