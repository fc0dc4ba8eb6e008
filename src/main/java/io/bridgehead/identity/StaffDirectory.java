package io.bridgehead.identity;

import io.bridgehead.access.Permission;
import io.bridgehead.access.Permissions;
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

    StaffDirectory(StaffUserRepository users, Permissions permissions) {
        this.users = users;
        this.permissions = permissions;
    }

    @Transactional(readOnly = true)
    public List<Colleague> colleagues() {
        permissions.require(Permission.SEE_PROJECTS);
        return users.activeColleagues(TenantContext.require()).stream()
                .map(StaffUser::colleague)
                .toList();
    }

    /** Colleagues by id (deactivated ones included, so history keeps its names). */
    @Transactional(readOnly = true)
    public Map<UUID, Colleague> byIds(Collection<UUID> ids) {
        permissions.require(Permission.SEE_PROJECTS);
        if (ids.isEmpty()) {
            return Map.of();
        }
        return users.findAllByIds(TenantContext.require(), ids).stream()
                .map(StaffUser::colleague)
                .collect(Collectors.toMap(Colleague::id, Function.identity()));
    }
}
