package io.bridgehead.audit;

import java.util.UUID;

/** What an audit entry is about, so that it also appears in that client's or project's activity feed. */
public record AuditSubject(UUID clientId, UUID projectId, String link) {

    public static final AuditSubject NONE = new AuditSubject(null, null, null);

    public boolean none() {
        return clientId == null && projectId == null && link == null;
    }
}
