package io.bridgehead.clients;

import java.util.List;
import java.util.UUID;

/**
 * What the clients module shows of findings, implemented by the findings module (which depends on clients, not the
 * other way round); always as the current user may see them.
 */
public interface ClientFindings {

    /** Unresolved findings of the client's projects per severity, most severe first, every severity listed. */
    List<SeverityCount> openBySeverity(UUID clientId);

    record SeverityCount(String severity, String label, long count) {}
}
