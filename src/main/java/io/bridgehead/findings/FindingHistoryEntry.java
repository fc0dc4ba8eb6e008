package io.bridgehead.findings;

import io.bridgehead.findings.FindingTransition.Side;
import java.time.Instant;

/**
 * One status change: who, on which side (the firm, or the client through the portal), when, from, to, and why. Both
 * sides see the same entries, notes included.
 */
public record FindingHistoryEntry(
        String actorName, Side side, FindingStatus from, FindingStatus to, String note, Instant occurredAt) {

    public boolean byClient() {
        return side == Side.CLIENT;
    }
}
