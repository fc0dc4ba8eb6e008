package io.bridgehead.access;

import org.springframework.security.access.AccessDeniedException;

/** A refusal the permission check has already written to the audit log; the web layer must not record it again. */
public class AuditedAccessDenied extends AccessDeniedException {

    AuditedAccessDenied(String message) {
        super(message);
    }
}
