package io.bridgehead.projects;

import io.bridgehead.access.Permission;
import io.bridgehead.access.Permissions;
import io.bridgehead.audit.AuditAction;
import io.bridgehead.audit.AuditEvent;
import io.bridgehead.clients.ClientActivity;
import io.bridgehead.shared.NotFoundException;
import io.bridgehead.shared.RuleViolation;
import io.bridgehead.shared.security.CurrentActor;
import io.bridgehead.shared.tenant.TenantContext;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Projects: create (the creator becomes Owner), edit, move between clients; read-only under an archived client. */
@Service
public class Projects {

    private final ProjectRepository projects;
    private final ProjectMemberRepository members;
    private final ClientActivity clients;
    private final ProjectRights rights;
    private final Permissions permissions;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Projects(
            ProjectRepository projects,
            ProjectMemberRepository members,
            ClientActivity clients,
            ProjectRights rights,
            Permissions permissions,
            ApplicationEventPublisher events,
            Clock clock) {
        this.projects = projects;
        this.members = members;
        this.clients = clients;
        this.rights = rights;
        this.permissions = permissions;
        this.events = events;
        this.clock = clock;
    }

    /** @param clientId only this client's projects; @param unassigned only projects without client */
    @Transactional(readOnly = true)
    public Page<ProjectView> list(UUID clientId, boolean unassigned, int page) {
        permissions.require(Permission.SEE_PROJECTS);
        return projects.list(
                        TenantContext.require(),
                        clientId,
                        unassigned,
                        rights.onlyAssignedTo(),
                        PageRequest.of(Math.max(page, 0), 25))
                .map(Project::view);
    }

    @Transactional(readOnly = true)
    public ProjectView get(UUID projectId) {
        return visible(projectId).view();
    }

    @Transactional(readOnly = true)
    public boolean canEdit(UUID projectId) {
        return rights.mayEdit(visible(projectId).id());
    }

    @Transactional
    public UUID create(ProjectForm form) {
        permissions.require(Permission.CREATE_PROJECT);
        requireDates(form);
        if (form.clientId() != null) {
            clients.requireWritable(form.clientId());
        }
        UUID tenant = TenantContext.require();
        Project project = projects.save(new Project(tenant, form, currentUser(), Instant.now(clock)));
        members.save(new ProjectMember(tenant, project.id(), currentUser(), ProjectRole.OWNER));
        if (project.clientId() != null) {
            clients.changed(project.clientId());
        }
        audit(AuditAction.PROJECT_CREATED, project, null);
        return project.id();
    }

    @Transactional
    public void update(UUID projectId, ProjectForm form) {
        Project project = editable(projectId);
        requireDates(form);
        project.update(form, Instant.now(clock));
        if (project.clientId() != null) {
            clients.changed(project.clientId());
        }
        audit(AuditAction.PROJECT_UPDATED, project, form.status().label());
    }

    /** Moves the project under another client, or to none; both clients must be writable. */
    @Transactional
    public void moveToClient(UUID projectId, UUID clientId) {
        Project project = editable(projectId);
        UUID from = project.clientId();
        if (Objects.equals(from, clientId)) {
            return;
        }
        if (clientId != null) {
            clients.requireWritable(clientId);
        }
        project.moveTo(clientId, Instant.now(clock));
        if (from != null) {
            clients.changed(from);
        }
        if (clientId != null) {
            clients.changed(clientId);
        }
        audit(AuditAction.PROJECT_MOVED, project, clients.nameOf(from) + " → " + clients.nameOf(clientId));
    }

    /** Puts a workspace user on the project team (the Team page arrives with the projects issue). */
    @Transactional
    public void assign(UUID projectId, UUID userId, ProjectRole role) {
        Project project = editable(projectId);
        if (!rights.mayManageTeam(projectId)) {
            throw permissions.denied(
                    "Project " + project.name(), "Only Admins and the project's Owner manage its team");
        }
        UUID tenant = TenantContext.require();
        members.find(tenant, projectId, userId)
                .ifPresentOrElse(
                        m -> m.changeRole(role),
                        () -> members.save(new ProjectMember(tenant, projectId, userId, role)));
        audit(AuditAction.PROJECT_UPDATED, project, "Team: " + userId + " as " + role.label());
    }

    private Project editable(UUID projectId) {
        Project project = visible(projectId);
        if (!rights.mayEdit(project.id())) {
            throw permissions.denied(
                    "Project " + project.name(), "Only Admins and the project's Owners and Editors may change it");
        }
        if (project.clientId() != null) {
            clients.requireWritable(project.clientId());
        }
        return project;
    }

    private Project visible(UUID projectId) {
        permissions.require(Permission.SEE_PROJECTS);
        Project project = projects.findByTenantIdAndId(TenantContext.require(), projectId)
                .orElseThrow(() -> NotFoundException.of("Project", projectId));
        if (!rights.mayView(projectId)) {
            throw NotFoundException.of("Project", projectId);
        }
        return project;
    }

    private static void requireDates(ProjectForm form) {
        if (form.startDate() != null && form.endDate() != null && form.endDate().isBefore(form.startDate())) {
            throw RuleViolation.of("endDate", "The end date cannot be before the start date.");
        }
    }

    private static UUID currentUser() {
        return CurrentActor.get().orElseThrow().userId();
    }

    private void audit(AuditAction action, Project project, String details) {
        events.publishEvent(AuditEvent.byCurrentActor(action, project.name(), details));
    }
}
