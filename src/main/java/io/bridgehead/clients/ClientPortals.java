package io.bridgehead.clients;

import io.bridgehead.access.Permission;
import io.bridgehead.access.Permissions;
import io.bridgehead.audit.AuditAction;
import io.bridgehead.audit.AuditEvent;
import io.bridgehead.shared.tenant.TenantContext;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What each client sees of the firm: its portal settings (changed by the firm, read by the portal on every request)
 * and which logos its report covers show.
 */
@Service
public class ClientPortals {

    private final ClientRepository clients;
    private final Clients clientService;
    private final Permissions permissions;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ClientPortals(
            ClientRepository clients,
            Clients clientService,
            Permissions permissions,
            ApplicationEventPublisher events,
            Clock clock) {
        this.clients = clients;
        this.clientService = clientService;
        this.permissions = permissions;
        this.events = events;
        this.clock = clock;
    }

    /** For the firm's Settings tab; only clients the user may see. */
    @Transactional(readOnly = true)
    public ClientPortalSettings settings(UUID clientId) {
        return clientService.visible(clientId).portal();
    }

    @Transactional
    public ClientPortalSettings change(UUID clientId, PortalSettingsForm form) {
        permissions.require(Permission.MANAGE_PORTAL_USERS);
        Client client = clientService.lockedWritable(clientId);
        ClientPortalSettings before = client.portal();
        client.changePortal(form, Instant.now(clock));
        ClientPortalSettings after = client.portal();
        events.publishEvent(
                AuditEvent.byCurrentActor(AuditAction.CLIENT_PORTAL_CHANGED, client.name(), describe(before, after))
                        .about(clientId, null, "/clients/" + clientId + "/settings"));
        if (before.enabled() && !after.enabled()) {
            events.publishEvent(new ClientPortalClosed(TenantContext.require(), clientId));
        }
        return after;
    }

    /** The cover logos of the client's reports, for the Settings tab and for report generation. */
    @Transactional(readOnly = true)
    public ReportBranding reportBranding(UUID clientId) {
        return clientService.visible(clientId).reportBranding();
    }

    @Transactional
    public void changeReportBranding(UUID clientId, ReportBranding branding) {
        permissions.require(Permission.EDIT_CLIENTS);
        Client client = clientService.lockedWritable(clientId);
        client.changeReportBranding(branding, Instant.now(clock));
        events.publishEvent(AuditEvent.byCurrentActor(
                        AuditAction.CLIENT_UPDATED,
                        client.name(),
                        "Report covers show the firm's logo " + (branding.firmLogo() ? "yes" : "no")
                                + ", the client's logo " + (branding.clientLogo() ? "yes" : "no"))
                .about(clientId, null, "/clients/" + clientId + "/settings"));
    }

    /**
     * For the portal itself (a signed-in client user or a sign-in attempt), without a staff permission: the settings of
     * a client of the current workspace, empty when there is none.
     */
    @Transactional(readOnly = true)
    public Optional<ClientPortalSettings> forPortal(UUID clientId) {
        return clients.findByTenantIdAndId(TenantContext.require(), clientId).map(Client::portal);
    }

    private static String describe(ClientPortalSettings before, ClientPortalSettings after) {
        PortalFieldVisibility fields = after.fields();
        return (after.enabled() ? "Portal enabled" : "Portal disabled")
                + (before.enabled() == after.enabled() ? "" : " (changed)")
                + "; shows CVSS " + yesNo(fields.cvss())
                + ", technical details " + yesNo(fields.technicalDetails())
                + ", references " + yesNo(fields.references())
                + ", evidence " + yesNo(fields.evidence())
                + "; allowed addresses: "
                + (after.ipAllowlist().isEmpty()
                        ? "any"
                        : String.join(", ", after.ipAllowlist().entries()));
    }

    private static String yesNo(boolean value) {
        return value ? "yes" : "no";
    }
}
