package io.bridgehead.findings;

import java.time.Instant;

/** One status change: who, when, from, to, and why. */
public record FindingHistoryEntry(
        String actorName, FindingStatus from, FindingStatus to, String note, Instant occurredAt) {}
