package io.bridgehead.support;

import io.bridgehead.audit.AuditAction;
import io.bridgehead.audit.AuditEntryView;
import io.bridgehead.audit.AuditLog;
import io.bridgehead.audit.AuditQuery;
import io.bridgehead.support.TestWorkspaces.TestWorkspace;
import java.util.List;
import org.springframework.stereotype.Component;

/** Reads a test workspace's audit log the way its Admin would, through {@link AuditLog#search}. */
@Component
public class AuditTrail {

    private final AuditLog auditLog;

    AuditTrail(AuditLog auditLog) {
        this.auditLog = auditLog;
    }

    /** The newest entries (one page) whose actor e-mail contains the given text, newest first. */
    public List<AuditEntryView> entriesBy(TestWorkspace workspace, String actorEmail) {
        return ActingAs.call(
                workspace,
                workspace.admin(),
                () -> auditLog.search(new AuditQuery(actorEmail, null, null, null, null, 0))
                        .getContent());
    }

    public List<AuditAction> actionsBy(TestWorkspace workspace, String actorEmail) {
        return entriesBy(workspace, actorEmail).stream()
                .map(AuditEntryView::action)
                .toList();
    }
}
