package io.bridgehead.notifications;

import java.time.Instant;
import java.util.UUID;

public record NotificationView(UUID id, String kind, String title, String link, Instant createdAt, Instant readAt) {

    public boolean unread() {
        return readAt == null;
    }
}
