package io.bridgehead.audit;

import io.bridgehead.shared.Text;
import java.time.LocalDate;
import java.util.UUID;

/** Filters of the audit viewer; every part is optional. */
public record AuditQuery(String actor, AuditAction action, LocalDate from, LocalDate to, UUID client, int page) {

    public static final int PAGE_SIZE = 50;

    public AuditQuery {
        actor = Text.blankToNull(actor);
        page = Math.max(page, 0);
    }
}
