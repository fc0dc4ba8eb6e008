package io.bridgehead.identity;

import io.bridgehead.access.Permission;
import io.bridgehead.access.Permissions;
import io.bridgehead.access.PortalAction;
import io.bridgehead.access.PortalActor;
import io.bridgehead.access.PortalPermissions;
import io.bridgehead.audit.AuditAction;
import io.bridgehead.audit.AuditEvent;
import io.bridgehead.clients.ClientPortalSettings;
import io.bridgehead.clients.ClientPortals;
import io.bridgehead.notifications.MailOutbox;
import io.bridgehead.shared.ConflictException;
import io.bridgehead.shared.NotFoundException;
import io.bridgehead.shared.RuleViolation;
import io.bridgehead.shared.security.CurrentActor;
import io.bridgehead.shared.tenant.TenantContext;
import io.bridgehead.shared.web.RateLimiter;
import io.bridgehead.tenancy.PortalAddresses;
import io.bridgehead.tenancy.WorkspaceView;
import io.bridgehead.tenancy.Workspaces;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A client's portal users, managed by the firm (Admins and Analysts) and by the client's own Managers: invite, edit,
 * resend, remove (sessions end at once), restore, and reset MFA. A Manager reaches only their own client's users.
 */
@Service
public class PortalUsers {

    static final Duration INVITATION_VALIDITY = Duration.ofHours(72);
    static final int MANAGER_INVITATIONS_PER_HOUR = 20;

    private final RateLimiter managerInvitations = new RateLimiter(MANAGER_INVITATIONS_PER_HOUR, Duration.ofHours(1));

    private final PortalUserRepository users;
    private final PortalLinks links;
    private final RecoveryCodes recoveryCodes;
    private final PortalSessions sessions;
    private final ClientPortals clientPortals;
    private final Permissions permissions;
    private final PortalPermissions portalPermissions;
    private final Workspaces workspaces;
    private final PortalAddresses addresses;
    private final MailOutbox mail;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    PortalUsers(
            PortalUserRepository users,
            PortalLinks links,
            RecoveryCodes recoveryCodes,
            PortalSessions sessions,
            ClientPortals clientPortals,
            Permissions permissions,
            PortalPermissions portalPermissions,
            Workspaces workspaces,
            PortalAddresses addresses,
            MailOutbox mail,
            ApplicationEventPublisher events,
            Clock clock) {
        this.users = users;
        this.links = links;
        this.recoveryCodes = recoveryCodes;
        this.sessions = sessions;
        this.clientPortals = clientPortals;
        this.permissions = permissions;
        this.portalPermissions = portalPermissions;
        this.workspaces = workspaces;
        this.addresses = addresses;
        this.mail = mail;
        this.events = events;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<PortalUserView> ofClient(UUID clientId) {
        requireManagerOf(clientId);
        return users.ofClient(TenantContext.require(), clientId).stream()
                .map(PortalUser::view)
                .toList();
    }

    @Transactional(readOnly = true)
    public PortalUserView get(UUID clientId, UUID userId) {
        requireManagerOf(clientId);
        return load(clientId, userId).view();
    }

    @Transactional
    public UUID invite(UUID clientId, PortalUserForm form) {
        ClientPortalSettings client = requireManagerOf(clientId);
        requireInvitationAllowance(clientId);
        requireFreeEmail(form.email(), null);
        PortalUser user = users.saveAndFlush(new PortalUser(
                TenantContext.require(),
                clientId,
                form,
                CurrentActor.get().orElseThrow().userId(),
                now()));
        sendInvitation(user, client);
        audit(AuditAction.PORTAL_USER_INVITED, user, form.role().label());
        return user.id();
    }

    @Transactional
    public void update(UUID clientId, UUID userId, PortalUserForm form) {
        requireManagerOf(clientId);
        PortalUser user = locked(clientId, userId);
        requireNotSelf(user, "change your own role");
        requireFreeEmail(form.email(), user.id());
        // Exactly the same, not equal ignoring case: Unicode case folding makes "ı" (dotless i) equal "i", and an
        // address on a look-alike domain would slip past the rule that active users change their own address.
        boolean emailChanged = !user.email().equals(form.email().strip());
        if (emailChanged && user.status() != PortalUserStatus.INVITED) {
            throw RuleViolation.of(
                    "email",
                    "An active user changes their own e-mail in the portal, confirming it with their password.");
        }
        user.change(form);
        audit(AuditAction.PORTAL_USER_UPDATED, user, form.role().label());
    }

    /** A new link to an invited user; the previous link stops working. */
    @Transactional
    public void resendInvitation(UUID clientId, UUID userId) {
        ClientPortalSettings client = requireManagerOf(clientId);
        requireInvitationAllowance(clientId);
        PortalUser user = locked(clientId, userId);
        if (!user.awaitingSetup()) {
            throw new ConflictException(user.fullName() + " has already accepted the invitation.");
        }
        user.reinvited(now());
        sendInvitation(user, client);
        audit(AuditAction.PORTAL_INVITATION_RESENT, user, null);
    }

    @Transactional
    public void remove(UUID clientId, UUID userId) {
        requireManagerOf(clientId);
        PortalUser user = locked(clientId, userId);
        requireNotSelf(user, "remove your own access");
        if (user.removed()) {
            return;
        }
        user.remove(now());
        links.revokeOpen(user.tenantId(), user.id(), PortalLinks.Purpose.INVITATION);
        links.revokeOpen(user.tenantId(), user.id(), PortalLinks.Purpose.PASSWORD_RESET);
        sessions.endAll(user.id());
        audit(AuditAction.PORTAL_USER_REMOVED, user, "Open sessions ended");
    }

    @Transactional
    public void restore(UUID clientId, UUID userId) {
        ClientPortalSettings client = requireManagerOf(clientId);
        PortalUser user = locked(clientId, userId);
        if (!user.removed()) {
            return;
        }
        user.restore(now());
        if (user.status() == PortalUserStatus.INVITED) {
            sendInvitation(user, client);
        }
        audit(AuditAction.PORTAL_USER_RESTORED, user, user.status().label());
    }

    /** The firm clears a user's authenticator and recovery codes; the next sign-in enrols a new one. */
    @Transactional
    public void resetMfa(UUID clientId, UUID userId) {
        permissions.require(Permission.MANAGE_PORTAL_USERS);
        ClientPortalSettings client = requireManagerOf(clientId);
        PortalUser user = locked(clientId, userId);
        if (user.removed()) {
            throw new ConflictException(user.fullName() + " has no access; restore it first.");
        }
        user.resetMfa();
        recoveryCodes.clear(user.tenantId(), user.id());
        sessions.endAll(user.id());
        sendSetupLink(user, client, true);
        audit(
                AuditAction.PORTAL_MFA_RESET,
                user,
                "Authenticator and recovery codes cleared; sessions ended; a set-up link was e-mailed");
    }

    /** The client's active Managers, to tell them the firm's verdicts. */
    @Transactional(readOnly = true)
    public List<PortalUserView> activeManagers(UUID clientId) {
        return users.activeManagers(TenantContext.require(), clientId).stream()
                .map(PortalUser::view)
                .toList();
    }

    /** Ends the sessions of every portal user of a client, e.g. when its portal is switched off. */
    @Transactional(readOnly = true)
    public void endSessionsOfClient(UUID clientId) {
        users.ofClient(TenantContext.require(), clientId).forEach(u -> sessions.endAll(u.id()));
    }

    /**
     * Staff with "manage portal users" for a client they may see, or a Manager of that very client; anyone else gets
     * "not found" for another client and "refused" for their own.
     */
    private ClientPortalSettings requireManagerOf(UUID clientId) {
        if (CurrentActor.get().orElse(null) instanceof PortalActor) {
            PortalActor actor = portalPermissions.current();
            if (!actor.clientId().equals(clientId)) {
                throw NotFoundException.of("Client", clientId);
            }
            portalPermissions.require(PortalAction.MANAGE_PORTAL_USERS);
            return clientPortals.forPortal(clientId).orElseThrow(() -> NotFoundException.of("Client", clientId));
        }
        permissions.require(Permission.MANAGE_PORTAL_USERS);
        return clientPortals.settings(clientId);
    }

    private void requireNotSelf(PortalUser user, String what) {
        if (CurrentActor.get().map(a -> a.userId().equals(user.id())).orElse(false)) {
            throw new ConflictException("You cannot " + what + "; ask another Manager or the firm.");
        }
    }

    /**
     * A client's Managers send at most {@value #MANAGER_INVITATIONS_PER_HOUR} invitations an hour, so the firm's mail
     * cannot be turned into a mass mailer; the firm's staff are not limited.
     */
    private void requireInvitationAllowance(UUID clientId) {
        if (CurrentActor.get().orElse(null) instanceof PortalActor
                && !managerInvitations.tryAcquire(TenantContext.require() + ":" + clientId)) {
            throw RuleViolation.of("email", "Too many invitations from your organisation in the last hour. Try later.");
        }
    }

    /**
     * A taken address: the firm is told plainly; a client's Manager gets an answer that does not say whether the
     * address belongs to another client (audited, so the firm can follow up).
     */
    private void requireFreeEmail(String email, UUID exceptId) {
        users.findByEmail(TenantContext.require(), email.strip())
                .filter(u -> !u.id().equals(exceptId))
                .ifPresent(u -> {
                    if (CurrentActor.get().orElse(null) instanceof PortalActor) {
                        String reason =
                                "This address cannot be invited here. If the person needs access, ask the firm.";
                        permissions.denied("Portal user " + email.strip(), reason);
                        throw RuleViolation.of("email", reason);
                    }
                    throw RuleViolation.of("email", "This address already has portal access in this workspace.");
                });
    }

    private PortalUser load(UUID clientId, UUID userId) {
        return users.findByTenantIdAndId(TenantContext.require(), userId)
                .filter(u -> u.clientId().equals(clientId))
                .orElseThrow(() -> NotFoundException.of("Portal user", userId));
    }

    private PortalUser locked(UUID clientId, UUID userId) {
        load(clientId, userId);
        return users.lockById(TenantContext.require(), userId).orElseThrow();
    }

    private void sendInvitation(PortalUser user, ClientPortalSettings client) {
        sendSetupLink(user, client, false);
    }

    /**
     * A single-use link (72 h) to set a password and an authenticator: for an invitation, or after the firm reset a
     * user's two-step sign-in — a password alone never sets up a new authenticator.
     */
    private void sendSetupLink(PortalUser user, ClientPortalSettings client, boolean afterReset) {
        String token = links.issue(user.tenantId(), user.id(), PortalLinks.Purpose.INVITATION, INVITATION_VALIDITY);
        WorkspaceView workspace = workspaces.current();
        String link = addresses.baseUrl(workspace.slug()) + "/invitation/" + token;
        mail.queuePrivate(
                user.email(),
                afterReset
                        ? "Set up two-step sign-in again for the " + client.clientName() + " portal"
                        : workspace.name() + " invites you to the " + client.clientName() + " portal",
                (afterReset
                                ? workspace.name()
                                        + " reset the two-step sign-in of your account in the client portal of "
                                        + client.clientName() + ".\n\nChoose a new password and set up your"
                                        + " authenticator app again here within 72 hours:\n\n"
                                : workspace.name() + " has given you access to the client portal of "
                                        + client.clientName() + " as "
                                        + user.role().label() + ".\n\n"
                                        + "Set your password and your authenticator app here within 72 hours:\n\n")
                        + link + "\n\n"
                        + "The link works once. If you did not expect this message, contact " + workspace.name()
                        + ".\n");
    }

    private void audit(AuditAction action, PortalUser user, String details) {
        events.publishEvent(AuditEvent.byCurrentActor(action, user.fullName() + " <" + user.email() + ">", details)
                .about(user.clientId(), null, "/clients/" + user.clientId() + "/portal-users/" + user.id()));
    }

    private Instant now() {
        return Instant.now(clock);
    }
}
