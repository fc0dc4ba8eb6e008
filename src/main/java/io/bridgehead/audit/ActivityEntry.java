package io.bridgehead.audit;

import java.time.Instant;

/** One line of an activity feed: who did what, when, and where to look. */
public record ActivityEntry(
        Instant occurredAt, String actorEmail, AuditAction action, String target, String details, String link) {}
