package io.bridgehead.audit;

import io.bridgehead.shared.security.Actor;
import io.bridgehead.shared.security.CurrentActor;
import io.bridgehead.shared.web.RequestOrigin;
import java.util.UUID;

/**
 * Something that happened and belongs in a workspace's audit log. Publish it as an application event; the audit module
 * writes it once the surrounding transaction commits, or at once when there is none.
 */
public record AuditEvent(
        UUID tenantId,
        UUID actorId,
        String actorEmail,
        AuditAction action,
        String target,
        String details,
        RequestOrigin origin,
        AuditSubject subject) {

    public AuditEvent(
            UUID tenantId,
            UUID actorId,
            String actorEmail,
            AuditAction action,
            String target,
            String details,
            RequestOrigin origin) {
        this(tenantId, actorId, actorEmail, action, target, details, origin, AuditSubject.NONE);
    }

    /** The same event, also shown in the activity feed of this client and/or project, linking to the page. */
    public AuditEvent about(UUID clientId, UUID projectId, String link) {
        return new AuditEvent(
                tenantId,
                actorId,
                actorEmail,
                action,
                target,
                details,
                origin,
                new AuditSubject(clientId, projectId, link));
    }

    /** Done by the signed-in user. */
    public static AuditEvent byCurrentActor(AuditAction action, String target, String details) {
        Actor actor = CurrentActor.get().orElseThrow(() -> new IllegalStateException("No signed-in actor"));
        return new AuditEvent(
                actor.tenantId(), actor.userId(), actor.email(), action, target, details, RequestOrigin.current());
    }

    /** Done by (or to) a known account outside a signed-in session, e.g. a sign-in attempt or a password reset. */
    public static AuditEvent byAccount(UUID tenantId, UUID userId, String email, AuditAction action, String details) {
        return new AuditEvent(tenantId, userId, email, action, email, details, RequestOrigin.current());
    }
}
