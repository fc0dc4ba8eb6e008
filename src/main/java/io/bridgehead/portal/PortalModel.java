package io.bridgehead.portal;

import io.bridgehead.access.PortalActor;
import io.bridgehead.clients.ClientPortalSettings;
import io.bridgehead.clients.ClientPortals;
import io.bridgehead.shared.security.CurrentActor;
import io.bridgehead.shared.tenant.TenantContext;
import io.bridgehead.tenancy.PortalBranding;
import io.bridgehead.tenancy.PortalBrandings;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every portal page shows around its content: the workspace's branding and the person's organisation. */
@ControllerAdvice(annotations = PortalPage.class)
class PortalModel {

    private final ClientPortals clientPortals;
    private final PortalBrandings brandings;

    PortalModel(ClientPortals clientPortals, PortalBrandings brandings) {
        this.clientPortals = clientPortals;
        this.brandings = brandings;
    }

    @ModelAttribute("portalBranding")
    PortalBranding branding() {
        return brandings.forWorkspace(TenantContext.require());
    }

    @ModelAttribute("portalClientName")
    String clientName() {
        return CurrentActor.get()
                .filter(PortalActor.class::isInstance)
                .flatMap(actor -> clientPortals.forPortal(((PortalActor) actor).clientId()))
                .map(ClientPortalSettings::clientName)
                .orElse("");
    }
}
