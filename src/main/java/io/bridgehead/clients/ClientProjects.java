package io.bridgehead.clients;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * What the clients module needs to know about projects, always as the current user may see them (a Viewer only
 * their assigned projects). The projects module implements it, so clients never reads
 * project tables and the two modules depend on each other in one direction only.
 */
public interface ClientProjects {

    List<ClientProject> ofClient(UUID clientId, String status);

    /** Project counts per status, every status in workflow order. */
    List<ProjectStatusCount> countByStatus(UUID clientId);

    int activeCount(UUID clientId);

    List<ClientProject> unassigned(int limit);

    /**
     * Moves unassigned projects of the current workspace under the client, each only if the user may edit it, and
     * audits every move; unknown ids are not found.
     */
    void assign(Collection<UUID> projectIds, UUID clientId, String clientName);

    /** Projects that keep the client from being deleted: every project not yet completed. */
    List<ClientProject> blockingDeletion(UUID clientId);

    void deleteAllOf(UUID clientId);

    /** Clients of the projects the user is assigned to (what a Viewer may see). */
    Set<UUID> clientsOfProjectsAssignedTo(UUID userId);
}
