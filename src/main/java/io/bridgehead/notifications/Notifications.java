package io.bridgehead.notifications;

import io.bridgehead.shared.NotFoundException;
import io.bridgehead.shared.Text;
import io.bridgehead.shared.security.Actor;
import io.bridgehead.shared.security.CurrentActor;
import io.bridgehead.shared.tenant.TenantContext;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * In-app notifications (the bell): written for a colleague in the caller's transaction, read and marked read only by
 * their recipient. Every query names the current user, so nobody sees another user's notifications.
 */
@Service("notifications")
public class Notifications {

    static final int PAGE_SIZE = 20;

    private final JdbcTemplate jdbc;
    private final Clock clock;

    Notifications(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Notifies a colleague of the current workspace.
     *
     * @param link a path inside Bridgehead (starting with a single {@code /}), opened from the notification list
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void notify(UUID recipientId, String kind, String title, String link) {
        if (link == null
                || !link.startsWith("/")
                || link.startsWith("//")
                || link.contains("\\")
                || link.length() > 500) {
            throw new IllegalArgumentException("A notification links to a path inside Bridgehead: " + link);
        }
        jdbc.update(
                "insert into notification (tenant_id, id, recipient_id, kind, title, link, created_at)"
                        + " values (?, ?, ?, ?, ?, ?, ?)",
                TenantContext.require(),
                UUID.randomUUID(),
                recipientId,
                kind,
                Text.abbreviate(title, 200),
                link,
                Timestamp.from(Instant.now(clock)));
    }

    /** The current user's unread count for the bell; 0 when nobody is signed in to a workspace. */
    @Transactional(readOnly = true)
    public int unreadCount() {
        Optional<UUID> user = currentUser();
        if (user.isEmpty()) {
            return 0;
        }
        Integer count = jdbc.queryForObject(
                "select count(*) from notification where tenant_id = ? and recipient_id = ? and read_at is null",
                Integer.class,
                TenantContext.require(),
                user.get());
        return count == null ? 0 : count;
    }

    /** The current user's notifications, newest first. */
    @Transactional(readOnly = true)
    public Page<NotificationView> recent(int page) {
        PageRequest request = PageRequest.of(Math.max(page, 0), PAGE_SIZE);
        UUID user = requireUser();
        UUID tenant = TenantContext.require();
        List<NotificationView> rows = jdbc.query(
                "select id, kind, title, link, created_at, read_at from notification"
                        + " where tenant_id = ? and recipient_id = ? order by created_at desc, id limit ? offset ?",
                (rs, i) -> new NotificationView(
                        rs.getObject(1, UUID.class),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getTimestamp(5).toInstant(),
                        rs.getTimestamp(6) == null ? null : rs.getTimestamp(6).toInstant()),
                tenant,
                user,
                request.getPageSize(),
                request.getOffset());
        Long total = jdbc.queryForObject(
                "select count(*) from notification where tenant_id = ? and recipient_id = ?", Long.class, tenant, user);
        return new PageImpl<>(rows, request, total == null ? 0 : total);
    }

    /** Marks one of the current user's notifications read and returns its link; another user's is not found. */
    @Transactional
    public String markRead(UUID notificationId) {
        UUID tenant = TenantContext.require();
        List<String> links = jdbc.queryForList(
                "update notification set read_at = coalesce(read_at, ?) where tenant_id = ? and recipient_id = ?"
                        + " and id = ? returning link",
                String.class,
                Timestamp.from(Instant.now(clock)),
                tenant,
                requireUser(),
                notificationId);
        if (links.isEmpty()) {
            throw NotFoundException.of("Notification", notificationId);
        }
        return links.get(0);
    }

    @Transactional
    public int markAllRead() {
        return jdbc.update(
                "update notification set read_at = ? where tenant_id = ? and recipient_id = ? and read_at is null",
                Timestamp.from(Instant.now(clock)),
                TenantContext.require(),
                requireUser());
    }

    private static Optional<UUID> currentUser() {
        if (TenantContext.current().isEmpty()) {
            return Optional.empty();
        }
        return CurrentActor.get().map(Actor::userId);
    }

    private static UUID requireUser() {
        return currentUser().orElseThrow(() -> new IllegalStateException("No signed-in user"));
    }
}
