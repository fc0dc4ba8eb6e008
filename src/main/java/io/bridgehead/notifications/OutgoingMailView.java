package io.bridgehead.notifications;

import java.time.Instant;
import java.util.UUID;

public record OutgoingMailView(
        UUID id,
        String recipient,
        String subject,
        String body,
        boolean bodyHidden,
        String status,
        int attempts,
        String lastError,
        Instant createdAt,
        Instant sentAt) {}
