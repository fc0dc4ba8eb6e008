package io.bridgehead.findings;

import java.time.Instant;
import java.util.UUID;

/** One status change of a finding, for the portal dashboard's recent activity. */
public record ClientActivityItem(
        UUID findingId, int ref, String title, FindingStatus to, String actorName, Instant occurredAt) {}
