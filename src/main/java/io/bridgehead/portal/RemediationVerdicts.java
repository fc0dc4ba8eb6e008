package io.bridgehead.portal;

import io.bridgehead.findings.FindingVerificationRecorded;
import io.bridgehead.identity.PortalUserView;
import io.bridgehead.identity.PortalUsers;
import io.bridgehead.notifications.MailOutbox;
import io.bridgehead.notifications.Notifications;
import io.bridgehead.tenancy.PortalAddresses;
import io.bridgehead.tenancy.WorkspaceView;
import io.bridgehead.tenancy.Workspaces;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * When the firm answers a remediation report (verified fixed, not fixed, partially fixed), the client's Managers hear
 * of it in the portal and by e-mail — inside the firm's transaction, so a rolled-back verdict tells nobody.
 */
@Component
class RemediationVerdicts {

    private final PortalUsers portalUsers;
    private final Notifications notifications;
    private final MailOutbox mail;
    private final Workspaces workspaces;
    private final PortalAddresses addresses;

    RemediationVerdicts(
            PortalUsers portalUsers,
            Notifications notifications,
            MailOutbox mail,
            Workspaces workspaces,
            PortalAddresses addresses) {
        this.portalUsers = portalUsers;
        this.notifications = notifications;
        this.mail = mail;
        this.workspaces = workspaces;
        this.addresses = addresses;
    }

    @EventListener
    void on(FindingVerificationRecorded verdict) {
        WorkspaceView workspace = workspaces.current();
        String path = "/findings/" + verdict.findingId();
        String title = workspace.name() + ": F-" + verdict.ref() + " " + verdict.title() + " — "
                + verdict.transition().to().label();
        for (PortalUserView manager : portalUsers.activeManagers(verdict.clientId())) {
            notifications.notify(manager.id(), "VERIFICATION", title, "/portal/" + workspace.slug() + path);
            mail.queue(
                    manager.email(),
                    title,
                    "Hello " + manager.fullName() + ",\n\n"
                            + verdict.actorName() + " of " + workspace.name() + " reviewed F-" + verdict.ref() + " "
                            + verdict.title() + ": " + verdict.transition().to().label() + ".\n\n"
                            + (verdict.note() == null || verdict.note().isBlank()
                                    ? ""
                                    : "Note: " + verdict.note() + "\n\n")
                            + "See the finding and its history in the portal:\n"
                            + addresses.baseUrl(workspace.slug()) + path + "\n");
        }
    }
}
