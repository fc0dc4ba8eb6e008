package io.bridgehead.identity;

import io.bridgehead.shared.Sha256;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Five failed sign-ins for one e-mail within 15 minutes lock it for 15 minutes. Counted per typed e-mail (hashed), so an
 * address that has no account locks exactly like one that has, and the lock reveals nothing. Each change commits on its
 * own, so a failure is counted even though the attempt that caused it rolls back.
 */
@Component
class SignInThrottle {

    static final int MAX_FAILURES = 5;
    static final Duration WINDOW = Duration.ofMinutes(15);
    static final Duration LOCK = Duration.ofMinutes(15);

    private final JdbcTemplate jdbc;
    private final Clock clock;

    SignInThrottle(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional(readOnly = true, propagation = Propagation.REQUIRES_NEW)
    boolean isLocked(String email) {
        List<Timestamp> lockedUntil = jdbc.queryForList(
                "select locked_until from sign_in_throttle where email_hash = ? and locked_until is not null",
                Timestamp.class,
                key(email));
        return !lockedUntil.isEmpty() && lockedUntil.get(0).toInstant().isAfter(Instant.now(clock));
    }

    /** Counts a failure; true when this failure locks the e-mail. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    boolean registerFailure(String email) {
        Instant now = Instant.now(clock);
        Timestamp windowOpenedAfter = Timestamp.from(now.minus(WINDOW));
        Integer failures = jdbc.queryForObject(
                "insert into sign_in_throttle (email_hash, failures, window_start_at) values (?, 1, ?)"
                        + " on conflict (email_hash) do update set"
                        + " failures = case when sign_in_throttle.window_start_at < ? then 1 else sign_in_throttle.failures + 1 end,"
                        + " window_start_at = case when sign_in_throttle.window_start_at < ? then excluded.window_start_at"
                        + " else sign_in_throttle.window_start_at end"
                        + " returning failures",
                Integer.class,
                key(email),
                Timestamp.from(now),
                windowOpenedAfter,
                windowOpenedAfter);
        if (failures == null || failures < MAX_FAILURES) {
            return false;
        }
        jdbc.update(
                "update sign_in_throttle set failures = 0, window_start_at = ?, locked_until = ? where email_hash = ?",
                Timestamp.from(now),
                Timestamp.from(now.plus(LOCK)),
                key(email));
        return true;
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void reset(String email) {
        jdbc.update("delete from sign_in_throttle where email_hash = ?", key(email));
    }

    private static String key(String email) {
        return Sha256.hex(email.strip().toLowerCase(Locale.ROOT));
    }
}
