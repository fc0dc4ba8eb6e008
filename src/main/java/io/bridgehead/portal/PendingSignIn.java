package io.bridgehead.portal;

import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

/**
 * Between the password and the second factor (or the authenticator enrolment), the session remembers whom the password
 * belonged to — for five minutes (fifteen to enrol an app) and five wrong codes at most — but nobody is signed in yet.
 */
record PendingSignIn(
        UUID tenantId,
        UUID userId,
        long credentialStamp,
        boolean enrol,
        long startedAtMillis,
        int wrongCodes,
        String secret)
        implements Serializable {

    static final String ATTRIBUTE = "bridgehead.portal.pending";
    static final Duration VALIDITY = Duration.ofMinutes(5);
    // Installing an authenticator app takes longer than typing a code.
    static final Duration ENROLMENT_VALIDITY = Duration.ofMinutes(15);
    static final int MAX_WRONG_CODES = 5;

    static Optional<PendingSignIn> in(HttpSession session, UUID tenantId, long nowMillis) {
        if (session == null || !(session.getAttribute(ATTRIBUTE) instanceof PendingSignIn pending)) {
            return Optional.empty();
        }
        boolean current = pending.tenantId.equals(tenantId)
                && nowMillis - pending.startedAtMillis <= (pending.enrol ? ENROLMENT_VALIDITY : VALIDITY).toMillis()
                && pending.wrongCodes < MAX_WRONG_CODES;
        if (!current) {
            session.removeAttribute(ATTRIBUTE);
            return Optional.empty();
        }
        return Optional.of(pending);
    }

    void keepIn(HttpSession session) {
        session.setAttribute(ATTRIBUTE, this);
    }

    PendingSignIn withWrongCode() {
        return new PendingSignIn(tenantId, userId, credentialStamp, enrol, startedAtMillis, wrongCodes + 1, secret);
    }

    PendingSignIn withSecret(String newSecret) {
        return new PendingSignIn(tenantId, userId, credentialStamp, enrol, startedAtMillis, wrongCodes, newSecret);
    }
}
