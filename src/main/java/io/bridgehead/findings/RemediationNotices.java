package io.bridgehead.findings;

import io.bridgehead.clients.ClientPortalSettings;
import io.bridgehead.clients.ClientPortals;
import io.bridgehead.notifications.MailOutbox;
import io.bridgehead.notifications.Notifications;
import io.bridgehead.projects.ClientVisibleProjects;
import io.bridgehead.projects.ProjectRole;
import io.bridgehead.projects.ProjectView;
import io.bridgehead.projects.TeamMember;
import io.bridgehead.shared.Text;
import io.bridgehead.shared.web.PublicUrl;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Tells the project's Owner and Editors, in the app and by e-mail, that the client reported a fix or asked for a
 * retest. Runs inside the reporting transaction (as the portal user, in their workspace), so the notices exist exactly
 * when the report does — the outbox's rule — and a failure here undoes the report rather than losing the notice.
 */
@Component
class RemediationNotices {

    static final String KIND = "REMEDIATION";

    private final ClientVisibleProjects visibleProjects;
    private final ClientPortals portals;
    private final Notifications notifications;
    private final MailOutbox outbox;
    private final PublicUrl publicUrl;

    RemediationNotices(
            ClientVisibleProjects visibleProjects,
            ClientPortals portals,
            Notifications notifications,
            MailOutbox outbox,
            PublicUrl publicUrl) {
        this.visibleProjects = visibleProjects;
        this.portals = portals;
        this.notifications = notifications;
        this.outbox = outbox;
        this.publicUrl = publicUrl;
    }

    @EventListener
    void onReported(FindingRemediationReported event) {
        ProjectView project = visibleProjects.ofPortalUser(event.projectId());
        String clientName = portals.forPortal(event.clientId())
                .map(ClientPortalSettings::clientName)
                .orElse("the client");
        String who = event.actorName() + " (" + clientName + ")";
        String finding = "F-" + event.ref() + " " + event.title();
        String title = Text.abbreviate(
                event.transition() == FindingTransition.MARK_REMEDIATED
                        ? who + " marked " + finding + " as remediated"
                        : who + " requested a retest of " + finding,
                200);
        String link = "/projects/" + event.projectId() + "/findings/" + event.findingId();
        String body = title + " (project " + project.name() + ").\n\n"
                + (event.transition() == FindingTransition.MARK_REMEDIATED ? "Their notes:\n" : "Their message:\n")
                + Text.abbreviate(event.note(), 2000) + "\n\n"
                + "Review it and record whether it is fixed:\n" + publicUrl.of(link) + "\n";
        for (TeamMember member : visibleProjects.team(event.projectId())) {
            if (member.role() == ProjectRole.OWNER || member.role() == ProjectRole.EDITOR) {
                notifications.notify(member.userId(), KIND, title, link);
                outbox.queue(member.email(), title, body);
            }
        }
    }
}
