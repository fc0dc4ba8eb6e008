package io.bridgehead.identity;

import io.bridgehead.shared.Sha256;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Ten single-use recovery codes per portal user, shown once and stored as SHA-256 hashes. Each code carries 60 random
 * bits, so a fast hash is enough: guessing is bounded by sign-in throttling long before the space is.
 */
@Component
class RecoveryCodes {

    static final int COUNT = 10;
    private static final char[] ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcTemplate jdbc;
    private final Clock clock;

    RecoveryCodes(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Replaces the user's codes with ten new ones and returns them, the only time they are readable. */
    @Transactional(propagation = Propagation.MANDATORY)
    List<String> replace(UUID tenantId, UUID userId) {
        jdbc.update("delete from portal_recovery_code where tenant_id = ? and user_id = ?", tenantId, userId);
        List<String> codes = new ArrayList<>();
        while (codes.size() < COUNT) {
            String code = newCode();
            if (!codes.contains(code)) {
                codes.add(code);
                jdbc.update(
                        "insert into portal_recovery_code (tenant_id, user_id, code_hash) values (?, ?, ?)",
                        tenantId,
                        userId,
                        hash(code));
            }
        }
        return List.copyOf(codes);
    }

    /** Uses a code: true once per code; dashes, spaces and letter case do not matter. */
    @Transactional(propagation = Propagation.MANDATORY)
    boolean use(UUID tenantId, UUID userId, String code) {
        return jdbc.update(
                        "update portal_recovery_code set used_at = ? where tenant_id = ? and user_id = ?"
                                + " and code_hash = ? and used_at is null",
                        Timestamp.from(Instant.now(clock)),
                        tenantId,
                        userId,
                        hash(code))
                == 1;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    int remaining(UUID tenantId, UUID userId) {
        Integer count = jdbc.queryForObject(
                "select count(*) from portal_recovery_code where tenant_id = ? and user_id = ? and used_at is null",
                Integer.class,
                tenantId,
                userId);
        return count == null ? 0 : count;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void clear(UUID tenantId, UUID userId) {
        jdbc.update("delete from portal_recovery_code where tenant_id = ? and user_id = ?", tenantId, userId);
    }

    static boolean looksLikeRecoveryCode(String input) {
        return normalised(input).length() == 12;
    }

    private static String newCode() {
        StringBuilder code = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            if (i > 0 && i % 4 == 0) {
                code.append('-');
            }
            code.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
        }
        return code.toString();
    }

    private static String hash(String code) {
        return Sha256.hex(normalised(code));
    }

    private static String normalised(String code) {
        return code == null ? "" : code.replaceAll("[\\s-]", "").toLowerCase(Locale.ROOT);
    }
}
