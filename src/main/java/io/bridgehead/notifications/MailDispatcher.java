package io.bridgehead.notifications;

import io.bridgehead.shared.tenant.ScopedTransactions;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends due messages from every workspace's outbox. Claims a batch with {@code FOR UPDATE SKIP LOCKED} and a claim
 * deadline, so several nodes never send one message twice; a failure backs off exponentially until maxAttempts.
 */
@Component
class MailDispatcher {

    private static final Log log = LogFactory.getLog(MailDispatcher.class);
    private static final int BATCH = 20;
    // A delivered one-time link has no business staying readable in the database or its backups.
    static final String DELIVERED_PRIVATE =
            "This message held a one-time link for its recipient; its content was removed after delivery.";
    private static final Duration CLAIM = Duration.ofMinutes(2);

    private final ObjectProvider<JavaMailSender> mailSender;
    private final JdbcTemplate jdbc;
    private final ScopedTransactions transactions;
    private final MailProperties properties;
    private final Clock clock;

    MailDispatcher(
            ObjectProvider<JavaMailSender> mailSender,
            JdbcTemplate jdbc,
            ScopedTransactions transactions,
            MailProperties properties,
            Clock clock) {
        this.mailSender = mailSender;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.properties = properties;
        this.clock = clock;
    }

    private record Claimed(UUID tenantId, UUID id, String recipient, String subject, String body, int attempts) {}

    @Scheduled(
            fixedDelayString = "${bridgehead.mail.dispatch-interval:5s}",
            initialDelayString = "${bridgehead.mail.dispatch-interval:5s}")
    void dispatchDue() {
        JavaMailSender sender = mailSender.getIfAvailable();
        if (sender == null) {
            return;
        }
        List<Claimed> batch = transactions.writeAsSystem(this::claimDue);
        for (Claimed mail : batch) {
            send(sender, mail);
        }
    }

    private List<Claimed> claimDue() {
        Instant now = Instant.now(clock);
        return jdbc.query(
                "update mail_outbox set claimed_until = ? where (tenant_id, id) in ("
                        + " select tenant_id, id from mail_outbox where status = 'PENDING' and next_attempt_at <= ?"
                        + " and (claimed_until is null or claimed_until < ?) order by next_attempt_at limit ?"
                        + " for update skip locked)"
                        + " returning tenant_id, id, recipient, subject, body, attempts",
                (rs, i) -> new Claimed(
                        rs.getObject(1, UUID.class),
                        rs.getObject(2, UUID.class),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getInt(6)),
                Timestamp.from(now.plus(CLAIM)),
                Timestamp.from(now),
                Timestamp.from(now),
                BATCH);
    }

    private void send(JavaMailSender sender, Claimed mail) {
        try {
            MimeMessage message = sender.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(message, false, "UTF-8");
            helper.setFrom(new InternetAddress(properties.from(), true));
            helper.setTo(mail.recipient());
            helper.setSubject(mail.subject());
            helper.setText(mail.body(), false);
            sender.send(message);
            transactions.writeAsSystem(() -> jdbc.update(
                    "update mail_outbox set status = 'SENT', sent_at = ?, attempts = attempts + 1, claimed_until = null,"
                            + " last_error = null, body = case when private_content then '" + DELIVERED_PRIVATE
                            + "' else body end where tenant_id = ? and id = ?",
                    Timestamp.from(Instant.now(clock)),
                    mail.tenantId(),
                    mail.id()));
        } catch (MailException | MessagingException e) {
            failed(mail, e);
        }
    }

    private void failed(Claimed mail, Exception e) {
        int attempts = mail.attempts() + 1;
        boolean giveUp = attempts >= properties.maxAttempts();
        Instant next = Instant.now(clock).plus(Duration.ofSeconds(Math.min(3600, 15L << Math.min(attempts, 10))));
        // The mail server's reply can echo the recipient's address: one line, so it cannot forge log entries.
        String error = e.getClass().getSimpleName() + ": "
                + String.valueOf(e.getMessage()).replaceAll("[\\r\\n]+", " ");
        log.warn("Mail " + mail.id() + " attempt " + attempts + " failed: " + error);
        transactions.writeAsSystem(() -> jdbc.update(
                "update mail_outbox set status = ?, attempts = ?, next_attempt_at = ?, claimed_until = null,"
                        + " last_error = ? where tenant_id = ? and id = ?",
                giveUp ? "FAILED" : "PENDING",
                attempts,
                Timestamp.from(next),
                error.length() > 500 ? error.substring(0, 500) : error,
                mail.tenantId(),
                mail.id()));
    }
}
