package io.bridgehead.audit;

import io.bridgehead.shared.Sha256;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** SHA-256 over the previous hash and the entry's canonical content (each field length-prefixed, so none can blur). */
final class AuditHash {

    static final String GENESIS = "0".repeat(64);

    private AuditHash() {}

    static String of(
            String prevHash,
            UUID tenantId,
            long seq,
            Instant occurredAt,
            UUID actorId,
            String actorEmail,
            String action,
            String target,
            String ip,
            String userAgent,
            String details,
            AuditSubject subject) {
        StringBuilder canonical = new StringBuilder(prevHash).append('|');
        for (Object field : new Object[] {
            tenantId, seq, micros(occurredAt), actorId, actorEmail, action, target, ip, userAgent, details
        }) {
            append(canonical, field == null ? null : field.toString());
        }
        // Entries written before subjects existed hash exactly as they did then.
        if (!subject.none()) {
            canonical.append("subject:");
            for (Object field : new Object[] {subject.clientId(), subject.projectId(), subject.link()}) {
                append(canonical, field == null ? null : field.toString());
            }
        }
        return Sha256.hex(canonical.toString());
    }

    private static long micros(Instant instant) {
        return ChronoUnit.MICROS.between(Instant.EPOCH, instant);
    }

    private static void append(StringBuilder canonical, String value) {
        if (value == null) {
            canonical.append("-1:;");
            return;
        }
        canonical.append(value.length()).append(':').append(value).append(';');
    }
}
