package io.bridgehead.audit;

import io.bridgehead.access.PermissionDenied;
import io.bridgehead.access.PortalActor;
import io.bridgehead.shared.tenant.ScopedTransactions;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/** Turns published audit events into rows, each in its own transaction under the event's workspace. */
@Component
class AuditRecorder {

    private static final Log log = LogFactory.getLog(AuditRecorder.class);

    private final AuditLog auditLog;
    private final ScopedTransactions transactions;

    AuditRecorder(AuditLog auditLog, ScopedTransactions transactions) {
        this.auditLog = auditLog;
        this.transactions = transactions;
    }

    @TransactionalEventListener(fallbackExecution = true)
    void onCommitted(AuditEvent event) {
        record(event);
    }

    /** At once, not after commit: the refused work is about to roll back. */
    @EventListener
    void onDenied(PermissionDenied denied) {
        AuditEvent event = new AuditEvent(
                denied.actor().tenantId(),
                denied.actor().userId(),
                denied.actor().email(),
                AuditAction.PERMISSION_DENIED,
                denied.target(),
                denied.details(),
                denied.origin());
        // A client's person refused something: the entry belongs to their client's trail.
        record(denied.actor() instanceof PortalActor portal ? event.about(portal.clientId(), null, null) : event);
    }

    private void record(AuditEvent event) {
        if (event.tenantId() == null) {
            log.info("Not attributable to a workspace: " + event.action() + " from "
                    + event.origin().ip());
            return;
        }
        transactions.writeAs(event.tenantId(), () -> {
            auditLog.append(event);
            return null;
        });
    }
}
