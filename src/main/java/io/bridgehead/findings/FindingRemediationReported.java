package io.bridgehead.findings;

import java.util.UUID;

/**
 * A client's person, through the portal, marked a finding remediated or asked for a retest ({@code transition} says
 * which). Published inside the reporting transaction; the findings module tells the project's Owner and Editors.
 *
 * @param note the client's notes or message, as written
 * @param actorName the portal user's name
 */
public record FindingRemediationReported(
        UUID tenantId,
        UUID clientId,
        UUID projectId,
        UUID findingId,
        int ref,
        String title,
        FindingTransition transition,
        String note,
        String actorName) {}
