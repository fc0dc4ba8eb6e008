package io.bridgehead.findings;

import static io.bridgehead.findings.FindingStatus.ACCEPTED_RISK;
import static io.bridgehead.findings.FindingStatus.CLOSED;
import static io.bridgehead.findings.FindingStatus.OPEN;
import static io.bridgehead.findings.FindingStatus.PARTIALLY_FIXED;
import static io.bridgehead.findings.FindingStatus.PENDING_VERIFICATION;
import static io.bridgehead.findings.FindingStatus.RETEST_REQUESTED;
import static io.bridgehead.findings.FindingStatus.VERIFIED_FIXED;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The only allowed moves of a finding's status (DESIGN §6, ASVS 5.0 2.3.1), and who makes each: the client (through
 * the portal) reports a fix or asks for a retest; the firm verifies, accepts risk, closes and reopens.
 */
public enum FindingTransition {
    MARK_REMEDIATED("Mark as remediated", Side.CLIENT, EnumSet.of(OPEN, PARTIALLY_FIXED), PENDING_VERIFICATION, true),
    REQUEST_RETEST("Request retest", Side.CLIENT, EnumSet.of(OPEN, PARTIALLY_FIXED), RETEST_REQUESTED, false),
    VERIFY_FIXED(
            "Verified fixed", Side.FIRM, EnumSet.of(PENDING_VERIFICATION, RETEST_REQUESTED), VERIFIED_FIXED, false),
    VERIFY_NOT_FIXED("Not fixed", Side.FIRM, EnumSet.of(PENDING_VERIFICATION, RETEST_REQUESTED), OPEN, true),
    VERIFY_PARTIALLY_FIXED(
            "Partially fixed", Side.FIRM, EnumSet.of(PENDING_VERIFICATION, RETEST_REQUESTED), PARTIALLY_FIXED, true),
    ACCEPT_RISK("Accept risk", Side.FIRM, EnumSet.of(OPEN, PARTIALLY_FIXED), ACCEPTED_RISK, true),
    CLOSE("Close", Side.FIRM, EnumSet.of(OPEN, PARTIALLY_FIXED, VERIFIED_FIXED, ACCEPTED_RISK), CLOSED, false),
    REOPEN("Reopen", Side.FIRM, EnumSet.of(VERIFIED_FIXED, ACCEPTED_RISK, CLOSED), OPEN, true);

    public enum Side {
        FIRM,
        CLIENT
    }

    private final String label;
    private final Side side;
    private final Set<FindingStatus> from;
    private final FindingStatus to;
    private final boolean noteRequired;

    FindingTransition(String label, Side side, Set<FindingStatus> from, FindingStatus to, boolean noteRequired) {
        this.label = label;
        this.side = side;
        this.from = from;
        this.to = to;
        this.noteRequired = noteRequired;
    }

    public String label() {
        return label;
    }

    public Side side() {
        return side;
    }

    public FindingStatus to() {
        return to;
    }

    public boolean noteRequired() {
        return noteRequired;
    }

    /** The firm's answer to a client's report or retest request: it sets the "firm verified" time. */
    public boolean verification() {
        return this == VERIFY_FIXED || this == VERIFY_NOT_FIXED || this == VERIFY_PARTIALLY_FIXED;
    }

    public boolean allowedFrom(FindingStatus status) {
        return from.contains(status);
    }

    /** The moves one side may make from a status, in a stable order for buttons. */
    public static List<FindingTransition> available(FindingStatus status, Side side) {
        return Arrays.stream(values())
                .filter(t -> t.side == side && t.allowedFrom(status))
                .toList();
    }

    /** The move from one status to another for a side, if the workflow has one. */
    public static Optional<FindingTransition> between(FindingStatus from, FindingStatus to, Side side) {
        return Arrays.stream(values())
                .filter(t -> t.side == side && t.allowedFrom(from) && t.to == to)
                .findFirst();
    }
}
