package io.bridgehead.projects;

import io.bridgehead.access.Grant;
import io.bridgehead.access.Permission;
import io.bridgehead.access.Permissions;
import io.bridgehead.shared.security.CurrentActor;
import io.bridgehead.shared.tenant.TenantContext;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** What the current user may do with one project: the platform role's grant, narrowed by their project role. */
@Component
class ProjectRights {

    private final ProjectMemberRepository members;
    private final Permissions permissions;

    ProjectRights(ProjectMemberRepository members, Permissions permissions) {
        this.members = members;
        this.permissions = permissions;
    }

    /** The user whose assignments limit what projects are visible, or null when the role sees all projects. */
    UUID onlyAssignedTo() {
        return permissions.grant(Permission.SEE_PROJECTS) == Grant.ASSIGNED ? currentUser() : null;
    }

    boolean mayView(UUID projectId) {
        return onlyAssignedTo() == null || role(projectId) != null;
    }

    boolean mayEdit(UUID projectId) {
        Grant grant = permissions.grant(Permission.EDIT_PROJECT_CONTENT);
        if (grant == Grant.ALL) {
            return true;
        }
        ProjectRole role = grant == Grant.PROJECT_OWNER_OR_EDITOR ? role(projectId) : null;
        return role == ProjectRole.OWNER || role == ProjectRole.EDITOR;
    }

    /** Owners (and Admins) manage the team. */
    boolean mayManageTeam(UUID projectId) {
        Grant grant = permissions.grant(Permission.DELETE_OR_ARCHIVE_PROJECT);
        return grant == Grant.ALL || grant == Grant.PROJECT_OWNER && role(projectId) == ProjectRole.OWNER;
    }

    private ProjectRole role(UUID projectId) {
        return members.find(TenantContext.require(), projectId, currentUser())
                .map(ProjectMember::role)
                .orElse(null);
    }

    private static UUID currentUser() {
        return CurrentActor.get().orElseThrow().userId();
    }
}
