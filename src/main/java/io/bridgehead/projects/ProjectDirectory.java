package io.bridgehead.projects;

import io.bridgehead.access.Permissions;
import io.bridgehead.audit.AuditAction;
import io.bridgehead.audit.AuditEvent;
import io.bridgehead.clients.ClientProject;
import io.bridgehead.clients.ClientProjects;
import io.bridgehead.clients.ProjectStatusCount;
import io.bridgehead.shared.NotFoundException;
import io.bridgehead.shared.tenant.TenantContext;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;

/** Answers the clients module's questions about projects (see {@link ClientProjects}); always within the workspace. */
@Component
class ProjectDirectory implements ClientProjects {

    private final ProjectRepository projects;
    private final ProjectRights rights;
    private final Permissions permissions;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ProjectDirectory(
            ProjectRepository projects,
            ProjectRights rights,
            Permissions permissions,
            ApplicationEventPublisher events,
            Clock clock) {
        this.projects = projects;
        this.rights = rights;
        this.permissions = permissions;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public List<ClientProject> ofClient(UUID clientId, String status) {
        ProjectStatus wanted = parse(status);
        return projects.ofClient(TenantContext.require(), clientId, wanted, rights.onlyAssignedTo()).stream()
                .map(Project::forClients)
                .toList();
    }

    @Override
    public List<ProjectStatusCount> countByStatus(UUID clientId) {
        Map<ProjectStatus, Long> counts = new EnumMap<>(ProjectStatus.class);
        for (Object[] row : projects.countByStatus(TenantContext.require(), clientId, rights.onlyAssignedTo())) {
            counts.put((ProjectStatus) row[0], (Long) row[1]);
        }
        return Arrays.stream(ProjectStatus.values())
                .map(s -> new ProjectStatusCount(s.name(), s.label(), counts.getOrDefault(s, 0L)))
                .toList();
    }

    @Override
    public int activeCount(UUID clientId) {
        return (int) projects.countActive(TenantContext.require(), clientId);
    }

    @Override
    public List<ClientProject> unassigned(int limit) {
        return projects.unassigned(TenantContext.require(), PageRequest.of(0, limit)).stream()
                .map(Project::forClients)
                .toList();
    }

    @Override
    public void assign(Collection<UUID> projectIds, UUID clientId, String clientName) {
        Set<UUID> wanted = Set.copyOf(projectIds);
        List<Project> found = projects.findAllByIds(TenantContext.require(), wanted);
        if (found.size() != wanted.size() || found.stream().anyMatch(p -> p.clientId() != null)) {
            throw NotFoundException.of("Unassigned project", wanted);
        }
        Instant now = Instant.now(clock);
        for (Project project : found) {
            if (!rights.mayEdit(project.id())) {
                throw permissions.denied(
                        "Project " + project.name(), "Only Admins and the project's Owners and Editors may move it");
            }
            project.moveTo(clientId, now);
            events.publishEvent(
                    AuditEvent.byCurrentActor(AuditAction.PROJECT_MOVED, project.name(), "Unassigned → " + clientName)
                            .about(clientId, project.id(), "/projects/" + project.id()));
        }
    }

    @Override
    public List<ClientProject> blockingDeletion(UUID clientId) {
        return ofClient(clientId, null).stream().filter(ClientProject::active).toList();
    }

    @Override
    public void deleteAllOf(UUID clientId) {
        projects.deleteAllOfClient(TenantContext.require(), clientId);
    }

    @Override
    public Set<UUID> clientsOfProjectsAssignedTo(UUID userId) {
        return projects.clientsOfProjectsAssignedTo(TenantContext.require(), userId);
    }

    private static ProjectStatus parse(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        try {
            return ProjectStatus.valueOf(status);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
