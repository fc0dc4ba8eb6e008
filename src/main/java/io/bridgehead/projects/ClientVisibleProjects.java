package io.bridgehead.projects;

import io.bridgehead.access.Permission;
import io.bridgehead.access.Permissions;
import io.bridgehead.access.PortalAction;
import io.bridgehead.access.PortalActor;
import io.bridgehead.access.PortalPermissions;
import io.bridgehead.audit.AuditAction;
import io.bridgehead.audit.AuditEvent;
import io.bridgehead.clients.ClientActivity;
import io.bridgehead.shared.NotFoundException;
import io.bridgehead.shared.tenant.TenantContext;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which of a client's projects its portal shows: the firm switches each project on or off, and a signed-in portal user
 * reads only the visible projects of their own client — the scope every portal query starts from.
 */
@Service
public class ClientVisibleProjects {

    private final ProjectRepository projects;
    private final Projects projectService;
    private final ClientActivity clients;
    private final Permissions permissions;
    private final PortalPermissions portalPermissions;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ClientVisibleProjects(
            ProjectRepository projects,
            Projects projectService,
            ClientActivity clients,
            Permissions permissions,
            PortalPermissions portalPermissions,
            ApplicationEventPublisher events,
            Clock clock) {
        this.projects = projects;
        this.projectService = projectService;
        this.clients = clients;
        this.permissions = permissions;
        this.portalPermissions = portalPermissions;
        this.events = events;
        this.clock = clock;
    }

    /** The signed-in portal user's projects, newest first. */
    @Transactional(readOnly = true)
    public List<ProjectView> ofPortalUser() {
        PortalActor actor = portalPermissions.require(PortalAction.SEE);
        return projects.visibleToClient(TenantContext.require(), actor.clientId()).stream()
                .map(Project::view)
                .toList();
    }

    @Transactional(readOnly = true)
    public Set<UUID> idsOfPortalUser() {
        return ofPortalUser().stream().map(ProjectView::id).collect(Collectors.toUnmodifiableSet());
    }

    /** One project of the portal user's client, if visible; anything else is "not found". */
    @Transactional(readOnly = true)
    public ProjectView ofPortalUser(UUID projectId) {
        PortalActor actor = portalPermissions.require(PortalAction.SEE);
        return projects.findByTenantIdAndId(TenantContext.require(), projectId)
                .filter(p -> actor.clientId().equals(p.clientId()) && p.visibleToClient())
                .map(Project::view)
                .orElseThrow(() -> NotFoundException.of("Project", projectId));
    }

    /** For the firm's Settings tab: the client's projects the user may see, with their portal visibility. */
    @Transactional(readOnly = true)
    public List<ProjectView> ofClient(UUID clientId) {
        permissions.require(Permission.SEE_PROJECTS);
        return projects
                .ofClient(
                        TenantContext.require(),
                        clientId,
                        null,
                        projectService.onlyAssignedTo().orElse(null))
                .stream()
                .map(Project::view)
                .toList();
    }

    /** The firm's team on one of the portal user's visible projects: whom the client's people may {@code @mention}. */
    @Transactional(readOnly = true)
    public List<TeamMember> team(UUID projectId) {
        return projectService.teamOf(ofPortalUser(projectId).id());
    }

    /** The scope (assets) of one of the portal user's visible projects, e.g. to name a finding's affected assets. */
    @Transactional(readOnly = true)
    public List<ProjectAssetView> assets(UUID projectId) {
        return projectService.assetsOf(ofPortalUser(projectId).id());
    }

    /** The firm shows or hides one project in its client's portal. */
    @Transactional
    public void show(UUID projectId, boolean visible) {
        permissions.require(Permission.MANAGE_PORTAL_USERS);
        ProjectView view = projectService.get(projectId);
        if (view.clientId() == null) {
            throw NotFoundException.of("Project", projectId);
        }
        clients.requireWritable(view.clientId());
        Project project =
                projects.findByTenantIdAndId(TenantContext.require(), projectId).orElseThrow();
        if (project.visibleToClient() == visible) {
            return;
        }
        project.showToClient(visible, Instant.now(clock));
        events.publishEvent(AuditEvent.byCurrentActor(
                        AuditAction.PROJECT_PORTAL_VISIBILITY_CHANGED,
                        view.name(),
                        visible ? "Visible in the client's portal" : "Hidden from the client's portal")
                .about(view.clientId(), projectId, "/projects/" + projectId));
    }
}
