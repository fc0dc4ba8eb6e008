package io.bridgehead.audit;

import io.bridgehead.access.Permission;
import io.bridgehead.access.Permissions;
import io.bridgehead.shared.tenant.TenantContext;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Activity of one project or client, read from the audit log by what entries are about. The caller has already
 * checked that the user may see that project or client; {@code visibleProjects} narrows a client's feed for users
 * who see only some of its projects.
 */
@Service
public class ActivityFeed {

    public static final int PAGE_SIZE = 30;

    private final JdbcTemplate jdbc;
    private final Permissions permissions;

    ActivityFeed(JdbcTemplate jdbc, Permissions permissions) {
        this.jdbc = jdbc;
        this.permissions = permissions;
    }

    @Transactional(readOnly = true)
    public List<ActivityEntry> ofProject(UUID projectId, int page) {
        permissions.require(Permission.SEE_PROJECTS);
        return query(" and project_id = ?", List.of(projectId), page);
    }

    /** @param visibleProjects the projects the user may see, or null when they see all of the client's */
    @Transactional(readOnly = true)
    public List<ActivityEntry> ofClient(UUID clientId, Set<UUID> visibleProjects, int page) {
        permissions.require(Permission.SEE_CLIENTS);
        if (visibleProjects == null) {
            return query(" and client_id = ?", List.of(clientId), page);
        }
        List<Object> args = new ArrayList<>(List.of(clientId));
        StringBuilder condition = new StringBuilder(" and client_id = ? and (project_id is null");
        if (!visibleProjects.isEmpty()) {
            condition.append(" or project_id in (").append("?,".repeat(visibleProjects.size()));
            condition.setLength(condition.length() - 1);
            condition.append(')');
            args.addAll(visibleProjects);
        }
        condition.append(')');
        return query(condition.toString(), args, page);
    }

    /** Sign-ins, page views and account changes of portal users stay in the audit log; they are not project work. */
    private static final String ACCOUNT_EVENTS = EnumSet.of(
                    AuditAction.PORTAL_PAGE_VIEWED,
                    AuditAction.PORTAL_SIGN_IN_SUCCEEDED,
                    AuditAction.PORTAL_SIGN_IN_FAILED,
                    AuditAction.PORTAL_SIGN_IN_BLOCKED,
                    AuditAction.PORTAL_REQUEST_BLOCKED,
                    AuditAction.PORTAL_SIGNED_OUT,
                    AuditAction.PORTAL_RECOVERY_CODE_USED,
                    AuditAction.PORTAL_MFA_ENROLLED,
                    AuditAction.PORTAL_PASSWORD_CHANGED,
                    AuditAction.PORTAL_PASSWORD_RESET,
                    AuditAction.PORTAL_EMAIL_CHANGED,
                    AuditAction.PASSWORD_RESET_REQUESTED,
                    AuditAction.SESSION_ENDED)
            .stream()
            .map(action -> "'" + action.name() + "'")
            .collect(Collectors.joining(","));

    private List<ActivityEntry> query(String condition, List<Object> conditionArgs, int page) {
        List<Object> args = new ArrayList<>();
        args.add(TenantContext.require());
        args.addAll(conditionArgs);
        args.add(PAGE_SIZE);
        args.add((long) Math.max(page, 0) * PAGE_SIZE);
        return jdbc.query(
                "select occurred_at, actor_email, action, target, details, link from audit_entry where tenant_id = ?"
                        + condition + " and action not in (" + ACCOUNT_EVENTS + ") order by seq desc limit ? offset ?",
                (rs, i) -> new ActivityEntry(
                        rs.getTimestamp(1).toInstant(),
                        rs.getString(2),
                        AuditAction.valueOf(rs.getString(3)),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6)),
                args.toArray());
    }
}
