package io.bridgehead.notifications;

import io.bridgehead.identity.PasswordResetRequests;
import io.bridgehead.shared.tenant.ScopedTransactions;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Sends queued mail on demand in tests, where the scheduled dispatcher is set to an hour: {@link #flush()} runs the
 * real {@link MailDispatcher} until no message is due any more.
 */
@Component
public class Outbox {

    private static final int MAX_ROUNDS = 50;

    private final MailDispatcher dispatcher;
    private final JdbcTemplate jdbc;
    private final ScopedTransactions transactions;
    private final PasswordResetRequests resetRequests;

    Outbox(
            MailDispatcher dispatcher,
            JdbcTemplate jdbc,
            ScopedTransactions transactions,
            PasswordResetRequests resetRequests) {
        this.dispatcher = dispatcher;
        this.resetRequests = resetRequests;
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    /**
     * Sends every message that is due now, of every workspace, through the configured SMTP server; password-reset
     * requests, handled after their answer, are waited for first.
     */
    public void flush() {
        resetRequests.awaitHandled();
        for (int round = 0; round < MAX_ROUNDS && anyDue(); round++) {
            dispatcher.dispatchDue();
        }
    }

    private boolean anyDue() {
        Integer due = transactions.readAsSystem(() -> jdbc.queryForObject(
                "select count(*) from mail_outbox where status = 'PENDING' and next_attempt_at <= now()"
                        + " and (claimed_until is null or claimed_until < now())",
                Integer.class));
        return due != null && due > 0;
    }
}
