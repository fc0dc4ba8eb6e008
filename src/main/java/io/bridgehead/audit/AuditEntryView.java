package io.bridgehead.audit;

import java.time.Instant;
import java.util.UUID;

public record AuditEntryView(
        long seq,
        Instant occurredAt,
        UUID actorId,
        String actorEmail,
        AuditAction action,
        String target,
        String ip,
        String userAgent,
        String details) {}
