package io.bridgehead.projects;

import io.bridgehead.access.Permission;
import io.bridgehead.access.Permissions;
import io.bridgehead.access.PlatformRole;
import io.bridgehead.audit.ActivityEntry;
import io.bridgehead.audit.ActivityFeed;
import io.bridgehead.audit.AuditAction;
import io.bridgehead.audit.AuditEvent;
import io.bridgehead.clients.ClientActivity;
import io.bridgehead.identity.Colleague;
import io.bridgehead.identity.StaffDirectory;
import io.bridgehead.shared.ConflictException;
import io.bridgehead.shared.NotFoundException;
import io.bridgehead.shared.RuleViolation;
import io.bridgehead.shared.Text;
import io.bridgehead.shared.security.CurrentActor;
import io.bridgehead.shared.tenant.TenantContext;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Projects: create (the creator becomes Owner), edit, scope assets, team, client account, archive, delete. Read-only
 * while archived or while their client is archived.
 */
@Service
public class Projects {

    private final ProjectRepository projects;
    private final ProjectMemberRepository members;
    private final ProjectAssetRepository assets;
    private final ClientActivity clients;
    private final StaffDirectory staff;
    private final ProjectRights rights;
    private final ActivityFeed activityFeed;
    private final Permissions permissions;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Projects(
            ProjectRepository projects,
            ProjectMemberRepository members,
            ProjectAssetRepository assets,
            ClientActivity clients,
            StaffDirectory staff,
            ProjectRights rights,
            ActivityFeed activityFeed,
            Permissions permissions,
            ApplicationEventPublisher events,
            Clock clock) {
        this.projects = projects;
        this.members = members;
        this.assets = assets;
        this.clients = clients;
        this.staff = staff;
        this.rights = rights;
        this.activityFeed = activityFeed;
        this.permissions = permissions;
        this.events = events;
        this.clock = clock;
    }

    /** @param clientId only this client's projects; @param unassigned only projects without client */
    @Transactional(readOnly = true)
    public Page<ProjectView> list(UUID clientId, boolean unassigned, boolean archived, int page) {
        permissions.require(Permission.SEE_PROJECTS);
        return projects.list(
                        TenantContext.require(),
                        clientId,
                        unassigned,
                        archived,
                        rights.onlyAssignedTo(),
                        PageRequest.of(Math.max(page, 0), 25))
                .map(Project::view);
    }

    /**
     * The user whose project assignments limit what they see (a Viewer), or empty when they see every project of the
     * workspace. For modules listing project content in SQL.
     */
    @Transactional(readOnly = true)
    public Optional<UUID> onlyAssignedTo() {
        permissions.require(Permission.SEE_PROJECTS);
        return Optional.ofNullable(rights.onlyAssignedTo());
    }

    /**
     * The projects the user may see, not archived, whose name contains {@code text} in any letter case (all of them
     * for a blank text), by name, at most {@code max}: the options of a type-ahead.
     */
    @Transactional(readOnly = true)
    public List<ProjectOption> matching(String text, int max) {
        permissions.require(Permission.SEE_PROJECTS);
        String typed = Text.strippedOrEmpty(text);
        return projects.matching(
                TenantContext.require(),
                Text.likeContaining(typed),
                typed.toLowerCase(Locale.ROOT),
                rights.onlyAssignedTo(),
                PageRequest.of(0, max));
    }

    @Transactional(readOnly = true)
    public ProjectView get(UUID projectId) {
        return visible(projectId).view();
    }

    /** For modules working inside a project (findings): refuses unless the user may change the project's content. */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
    public ProjectView requireEditable(UUID projectId) {
        return editable(projectId).view();
    }

    /**
     * The project, for a page or form that changes it: refused (audited) unless the user may edit it, before any input
     * is looked at, so a read-only role never gets an edit form back, not even one re-shown with errors.
     */
    @Transactional
    public ProjectView toChange(UUID projectId) {
        return editable(projectId).view();
    }

    /** The project, for a form that changes its team: like {@link #toChange}, for Admins and the Owner only. */
    @Transactional
    public ProjectView toManage(UUID projectId) {
        return manageable(projectId).view();
    }

    /** What happened in the project, newest first. */
    @Transactional(readOnly = true)
    public List<ActivityEntry> activity(UUID projectId, int page) {
        visible(projectId);
        return activityFeed.ofProject(projectId, page);
    }

    @Transactional(readOnly = true)
    public boolean canEdit(UUID projectId) {
        return rights.mayEdit(visible(projectId).id());
    }

    @Transactional(readOnly = true)
    public boolean canManage(UUID projectId) {
        return rights.mayManageTeam(visible(projectId).id());
    }

    @Transactional
    public UUID create(ProjectForm form) {
        permissions.require(Permission.CREATE_PROJECT);
        requireDates(form);
        if (form.clientId() != null) {
            clients.requireWritable(form.clientId());
        }
        UUID tenant = TenantContext.require();
        Project project = projects.save(new Project(tenant, form, currentUser(), now()));
        members.save(new ProjectMember(tenant, project.id(), currentUser(), ProjectRole.OWNER));
        if (project.clientId() != null) {
            clients.changed(project.clientId());
        }
        audit(AuditAction.PROJECT_CREATED, project, null);
        return project.id();
    }

    @Transactional
    /** @param seenVersion the version the user edited, if the form sent one: a newer save is never overwritten */
    public void update(UUID projectId, ProjectForm form, Integer seenVersion) {
        Project project = editable(projectId);
        if (seenVersion != null && seenVersion != project.version()) {
            throw new ConflictException("Someone else saved this project after you opened it, so your changes were not"
                    + " saved. Open the project again to see the newer version.");
        }
        requireDates(form);
        project.update(form, now());
        touchClient(project);
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
        project.moveTo(clientId, now());
        if (from != null) {
            clients.changed(from);
        }
        touchClient(project);
        audit(AuditAction.PROJECT_MOVED, project, clients.nameOf(from) + " → " + clients.nameOf(clientId));
    }

    // Scope -------------------------------------------------------------------------------------------------------

    @Transactional(readOnly = true)
    public List<ProjectAssetView> assets(UUID projectId) {
        visible(projectId);
        return assetsOf(projectId);
    }

    /** The scope, for a caller that has checked the project is visible to its user (e.g. a client's portal user). */
    List<ProjectAssetView> assetsOf(UUID projectId) {
        return assets.of(TenantContext.require(), projectId).stream()
                .map(ProjectAsset::view)
                .toList();
    }

    @Transactional
    public void addAsset(UUID projectId, AssetForm form) {
        Project project = editable(projectId);
        String value = form.value().strip();
        form.kind().problemWith(value).ifPresent(problem -> {
            throw RuleViolation.of("value", problem);
        });
        if (assets.exists(TenantContext.require(), projectId, form.kind(), value)) {
            throw RuleViolation.of("value", "This asset is already in scope.");
        }
        assets.save(new ProjectAsset(TenantContext.require(), projectId, form.kind(), value, now()));
        touchClient(project);
        audit(AuditAction.PROJECT_ASSET_ADDED, project, form.kind().label() + " " + value);
    }

    @Transactional
    public void removeAsset(UUID projectId, UUID assetId) {
        Project project = editable(projectId);
        ProjectAsset asset = assets.findByTenantIdAndProjectIdAndId(TenantContext.require(), projectId, assetId)
                .orElseThrow(() -> NotFoundException.of("Asset", assetId));
        assets.delete(asset);
        touchClient(project);
        audit(AuditAction.PROJECT_ASSET_REMOVED, project, asset.value());
    }

    // Team --------------------------------------------------------------------------------------------------------

    @Transactional(readOnly = true)
    public List<TeamMember> team(UUID projectId) {
        visible(projectId);
        return teamOf(projectId);
    }

    /** The team, for a caller that has checked the project is visible to its user (e.g. a client's portal user). */
    List<TeamMember> teamOf(UUID projectId) {
        List<ProjectMember> team = members.team(TenantContext.require(), projectId);
        Map<UUID, Colleague> people =
                staff.byIds(team.stream().map(ProjectMember::userId).toList());
        return team.stream()
                .filter(m -> people.containsKey(m.userId()))
                .map(m -> {
                    Colleague c = people.get(m.userId());
                    return new TeamMember(c.id(), c.fullName(), c.email(), m.role());
                })
                .sorted(Comparator.comparing(TeamMember::role).thenComparing(TeamMember::fullName))
                .toList();
    }

    /**
     * Adds a colleague or changes their role. Making someone Owner transfers ownership: the previous Owner becomes
     * Editor, so there is always exactly one. A platform Reviewer or Viewer can only be a Reviewer on a project.
     */
    @Transactional
    public void putOnTeam(UUID projectId, TeamMemberForm form) {
        Project project = manageable(projectId);
        Colleague colleague = staff.colleagues().stream()
                .filter(c -> c.id().equals(form.userId()))
                .findFirst()
                .orElse(null);
        if (colleague == null) {
            throw RuleViolation.of("userId", "Choose a colleague from this workspace.");
        }
        boolean readOnlyRole = colleague.role() == PlatformRole.REVIEWER || colleague.role() == PlatformRole.VIEWER;
        if (readOnlyRole && form.role() != ProjectRole.REVIEWER) {
            throw RuleViolation.of(
                    "role",
                    colleague.fullName() + " is a " + colleague.role().label()
                            + " in this workspace and can only be a Reviewer on a project.");
        }
        UUID tenant = TenantContext.require();
        if (form.role() == ProjectRole.OWNER) {
            members.owner(tenant, projectId)
                    .filter(owner -> !owner.userId().equals(form.userId()))
                    .ifPresent(owner -> {
                        owner.changeRole(ProjectRole.EDITOR);
                        members.flush();
                    });
        } else {
            requireOwnerStays(projectId, form.userId());
        }
        members.find(tenant, projectId, form.userId())
                .ifPresentOrElse(
                        m -> m.changeRole(form.role()),
                        () -> members.save(new ProjectMember(tenant, projectId, form.userId(), form.role())));
        audit(
                AuditAction.PROJECT_TEAM_CHANGED,
                project,
                colleague.email() + " as " + form.role().label());
    }

    /** Removes a colleague from the team at once; the Owner stays until ownership is transferred. */
    @Transactional
    public void removeFromTeam(UUID projectId, UUID userId) {
        Project project = manageable(projectId);
        ProjectMember member = members.find(TenantContext.require(), projectId, userId)
                .orElseThrow(() -> NotFoundException.of("Team member", userId));
        if (member.role() == ProjectRole.OWNER) {
            throw new ConflictException("The Owner cannot leave the team. Make someone else Owner first.");
        }
        members.delete(member);
        Colleague colleague = staff.byIds(List.of(userId)).get(userId);
        audit(AuditAction.PROJECT_TEAM_CHANGED, project, "Removed " + (colleague == null ? userId : colleague.email()));
    }

    private void requireOwnerStays(UUID projectId, UUID userId) {
        members.find(TenantContext.require(), projectId, userId)
                .filter(m -> m.role() == ProjectRole.OWNER)
                .ifPresent(m -> {
                    throw RuleViolation.of("role", "A project has exactly one Owner. Make someone else Owner first.");
                });
    }

    // Archive and delete ------------------------------------------------------------------------------------------

    @Transactional
    public void archive(UUID projectId) {
        Project project = manageable(projectId);
        project.archive(now());
        touchClient(project);
        audit(AuditAction.PROJECT_ARCHIVED, project, "Read-only until restored");
    }

    @Transactional
    public void restore(UUID projectId) {
        Project project = visible(projectId);
        if (!rights.mayManageTeam(projectId)) {
            throw permissions.denied("Project " + project.name(), "Only Admins and the project's Owner restore it");
        }
        if (project.clientId() != null) {
            clients.requireWritable(project.clientId());
        }
        project.restore(now());
        touchClient(project);
        audit(AuditAction.PROJECT_RESTORED, project, null);
    }

    /** Deletes the project and its team and scope once its exact name has been typed. */
    @Transactional
    public void delete(UUID projectId, String typedName) {
        Project project = visible(projectId);
        if (!rights.mayManageTeam(projectId)) {
            throw permissions.denied("Project " + project.name(), "Only Admins and the project's Owner delete it");
        }
        if (project.clientId() != null) {
            clients.requireWritable(project.clientId());
        }
        if (!project.name().equals(typedName)) {
            throw RuleViolation.of("confirmName", "Type the project's name exactly as shown to confirm.");
        }
        projects.delete(project);
        projects.flush();
        if (project.clientId() != null) {
            clients.changed(project.clientId());
        }
        audit(AuditAction.PROJECT_DELETED, project, "Permanently deleted with its team and scope");
    }

    // Rules -------------------------------------------------------------------------------------------------------

    /** The project, for a change to its content: refused when archived or under an archived client. */
    private Project editable(UUID projectId) {
        Project project = visible(projectId);
        if (!rights.mayEdit(project.id())) {
            throw permissions.denied(
                    "Project " + project.name(), "Only Admins and the project's Owners and Editors may change it");
        }
        requireWritable(project);
        return project;
    }

    /** The project, for team, archive changes: Owner or Admin only. */
    private Project manageable(UUID projectId) {
        Project project = visible(projectId);
        if (!rights.mayManageTeam(project.id())) {
            throw permissions.denied("Project " + project.name(), "Only Admins and the project's Owner manage it");
        }
        requireWritable(project);
        return project;
    }

    private void requireWritable(Project project) {
        if (project.archived()) {
            throw new ConflictException(
                    "The project " + project.name() + " is archived, so it is read-only. Restore it first.");
        }
        if (project.clientId() != null) {
            clients.requireWritable(project.clientId());
        }
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

    private void touchClient(Project project) {
        if (project.clientId() != null) {
            clients.changed(project.clientId());
        }
    }

    private static void requireDates(ProjectForm form) {
        if (form.startDate() != null && form.endDate() != null && form.endDate().isBefore(form.startDate())) {
            throw RuleViolation.of("endDate", "The end date cannot be before the start date.");
        }
    }

    private Instant now() {
        return Instant.now(clock);
    }

    private static UUID currentUser() {
        return CurrentActor.get().orElseThrow().userId();
    }

    private void audit(AuditAction action, Project project, String details) {
        String link = action == AuditAction.PROJECT_DELETED ? null : "/projects/" + project.id();
        events.publishEvent(AuditEvent.byCurrentActor(action, project.name(), details)
                .about(project.clientId(), project.id(), link));
    }
}
