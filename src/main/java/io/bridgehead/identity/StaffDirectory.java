package io.bridgehead.identity;

import io.bridgehead.access.Permission;
import io.bridgehead.access.Permissions;
import io.bridgehead.access.PortalAction;
import io.bridgehead.access.PortalPermissions;
import io.bridgehead.shared.tenant.TenantContext;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The workspace's active colleagues, for pickers and names; anyone who works on projects may read it. */
@Service
public class StaffDirectory {

    private final StaffUserRepository users;
    private final Permissions permissions;
    private final PortalPermissions portalPermissions;

    StaffDirectory(StaffUserRepository users, Permissions permissions, PortalPermissions portalPermissions) {
        this.users = users;
        this.permissions = permissions;
        this.portalPermissions = portalPermissions;
    }

    @Transactional(readOnly = true)
    public List<Colleague> colleagues() {
        permissions.require(Permission.SEE_PROJECTS);
        return users.activeColleagues(TenantContext.require()).stream()
                .map(StaffUser::colleague)
                .toList();
    }

    /**
     * Colleagues by id (deactivated ones included, so history keeps its names). A client's portal user may ask too: the
     * projects module asks for the team of a project the client sees, whom the client may {@code @mention}.
     */
    @Transactional(readOnly = true)
    public Map<UUID, Colleague> byIds(Collection<UUID> ids) {
        if (!portalPermissions.can(PortalAction.SEE)) {
            permissions.require(Permission.SEE_PROJECTS);
        }
        if (ids.isEmpty()) {
            return Map.of();
        }
        return users.findAllByIds(TenantContext.require(), ids).stream()
                .map(StaffUser::colleague)
                .collect(Collectors.toMap(Colleague::id, Function.identity()));
    }
}
