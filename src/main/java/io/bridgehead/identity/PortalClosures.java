package io.bridgehead.identity;

import io.bridgehead.clients.ClientPortalClosed;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** When the firm switches a client's portal off, that client's portal users are signed out everywhere at once. */
@Component
class PortalClosures {

    private final PortalUsers users;

    PortalClosures(PortalUsers users) {
        this.users = users;
    }

    @EventListener
    void on(ClientPortalClosed closed) {
        users.endSessionsOfClient(closed.clientId());
    }
}
