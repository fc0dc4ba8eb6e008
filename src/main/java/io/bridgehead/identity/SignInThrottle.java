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
 *
 * <p>An attempt is counted <em>before</em> its password is checked ({@link #admit}): attempts fired in parallel each take
 * a numbered place in one atomic statement, so no more than five of them are ever checked, however many arrive at once.
 * A success then clears the count; a failure that held the fifth place locks the e-mail.
 */
@Component
class SignInThrottle {

    static final int MAX_FAILURES = 5;
    static final Duration WINDOW = Duration.ofMinutes(15);
    static final Duration LOCK = Duration.ofMinutes(15);

    /** A counted attempt: its place among the attempts of the window, or refused (locked, or over the limit). */
    record Admission(int place) {

        static final Admission REFUSED = new Admission(0);

        boolean admitted() {
            return place > 0;
        }

        /** This attempt, if it fails, is the one that locks the e-mail. */
        boolean last() {
            return place == MAX_FAILURES;
        }
    }

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

    /**
     * Counts an attempt before its password is checked. Refused while the e-mail is locked and once the window already
     * holds five attempts (some may still be running), so parallel guesses get no more tries than sequential ones.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    Admission admit(String email) {
        Instant now = Instant.now(clock);
        Timestamp windowOpenedAfter = Timestamp.from(now.minus(WINDOW));
        // The row lock taken by the upsert orders concurrent attempts; a locked row is not updated and returns nothing.
        List<Integer> place = jdbc.queryForList(
                "insert into sign_in_throttle (email_hash, failures, window_start_at) values (?, 1, ?)"
                        + " on conflict (email_hash) do update set"
                        + " failures = case when sign_in_throttle.window_start_at < ? then 1 else sign_in_throttle.failures + 1 end,"
                        + " window_start_at = case when sign_in_throttle.window_start_at < ? then excluded.window_start_at"
                        + " else sign_in_throttle.window_start_at end,"
                        + " locked_until = null"
                        + " where sign_in_throttle.locked_until is null or sign_in_throttle.locked_until <= ?"
                        + " returning failures",
                Integer.class,
                key(email),
                Timestamp.from(now),
                windowOpenedAfter,
                windowOpenedAfter,
                Timestamp.from(now));
        return place.isEmpty() || place.get(0) > MAX_FAILURES ? Admission.REFUSED : new Admission(place.get(0));
    }

    /** Records that an admitted attempt failed; true when this failure locks the e-mail. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    boolean failed(String email, Admission admission) {
        if (!admission.last()) {
            return false;
        }
        Instant now = Instant.now(clock);
        jdbc.update(
                "update sign_in_throttle set failures = 0, window_start_at = ?, locked_until = ? where email_hash = ?",
                Timestamp.from(now),
                Timestamp.from(now.plus(LOCK)),
                key(email));
        return true;
    }

    /**
     * An admitted attempt that was right but is not a sign-in yet (the portal's password, before its code) stops
     * counting; the code step is admitted on its own.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void passed(String email) {
        jdbc.update(
                "update sign_in_throttle set failures = greatest(failures - 1, 0)"
                        + " where email_hash = ? and locked_until is null",
                key(email));
    }

    /** Counts a failure of a check that was not admitted first (a current password typed wrong); true when it locks. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    boolean registerFailure(String email) {
        Admission admission = admit(email);
        return !admission.admitted() || failed(email, admission);
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void reset(String email) {
        jdbc.update("delete from sign_in_throttle where email_hash = ?", key(email));
    }

    private static String key(String email) {
        return Sha256.hex(email.strip().toLowerCase(Locale.ROOT));
    }
}
