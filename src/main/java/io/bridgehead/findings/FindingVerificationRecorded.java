package io.bridgehead.findings;

import java.util.UUID;

/**
 * The firm answered a remediation report or retest request: verified fixed, not fixed or partially fixed
 * ({@code transition}). Published inside the firm's transaction, only for findings of a client's project that the
 * client's portal shows, so a listener may tell the client's Managers without checking visibility again.
 *
 * @param note the analyst's note, which the client sees in the history anyway
 * @param actorName the analyst's name
 */
public record FindingVerificationRecorded(
        UUID tenantId,
        UUID clientId,
        UUID projectId,
        UUID findingId,
        int ref,
        String title,
        FindingTransition transition,
        String note,
        String actorName) {}
