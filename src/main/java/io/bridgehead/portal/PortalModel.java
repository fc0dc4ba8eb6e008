package io.bridgehead.portal;

import io.bridgehead.access.PortalActor;
import io.bridgehead.clients.ClientPortalSettings;
import io.bridgehead.clients.ClientPortals;
import io.bridgehead.shared.security.CurrentActor;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every portal page shows around its content: the signed-in person's organisation. */
@ControllerAdvice(annotations = PortalPage.class)
class PortalModel {

    private final ClientPortals clientPortals;

    PortalModel(ClientPortals clientPortals) {
        this.clientPortals = clientPortals;
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
