package io.bridgehead.clients;

import io.bridgehead.shared.ConflictException;
import io.bridgehead.shared.NotFoundException;
import io.bridgehead.shared.tenant.TenantContext;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** What other modules (projects, later findings) tell the clients module, and the read-only rule they must obey. */
@Service
public class ClientActivity {

    private final ClientRepository clients;
    private final ClientProjects projects;
    private final Clock clock;

    ClientActivity(ClientRepository clients, ClientProjects projects, Clock clock) {
        this.clients = clients;
        this.projects = projects;
        this.clock = clock;
    }

    /**
     * Refuses work under an archived client: its projects are read-only. Unknown ids are not found. Holds a lock
     * on the client until the caller's transaction ends, so the client cannot be archived or deleted meanwhile.
     * The lock is exclusive because the caller then updates the client's activity (a shared one would deadlock).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void requireWritable(UUID clientId) {
        Client client = clients.lockForChange(TenantContext.require(), clientId)
                .orElseThrow(() -> NotFoundException.of("Client", clientId));
        if (client.archived()) {
            throw new ConflictException("The client " + client.name()
                    + " is archived, so its projects are read-only. Restore the client first.");
        }
    }

    /** Something under the client changed: its last activity moves and its active-project count is recounted. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void changed(UUID clientId) {
        Client client = find(clientId);
        client.activeProjects(projects.activeCount(clientId));
        client.touch(Instant.now(clock));
    }

    /** The client's name for messages and the audit log; "Unassigned" for no client. */
    @Transactional(readOnly = true)
    public String nameOf(UUID clientId) {
        return clientId == null ? "Unassigned" : find(clientId).name();
    }

    private Client find(UUID clientId) {
        return clients.findByTenantIdAndId(TenantContext.require(), clientId)
                .orElseThrow(() -> NotFoundException.of("Client", clientId));
    }
}
