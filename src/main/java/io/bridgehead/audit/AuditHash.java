package io.bridgehead.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
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
            String details) {
        StringBuilder canonical = new StringBuilder(prevHash).append('|');
        for (Object field : new Object[] {
            tenantId, seq, micros(occurredAt), actorId, actorEmail, action, target, ip, userAgent, details
        }) {
            append(canonical, field == null ? null : field.toString());
        }
        return sha256(canonical.toString());
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

    private static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
