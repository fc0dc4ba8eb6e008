package io.bridgehead.notifications;

import io.bridgehead.access.Permission;
import io.bridgehead.access.Permissions;
import io.bridgehead.shared.tenant.TenantContext;
import java.time.Clock;
import java.time.Instant;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Queues e-mail in the current workspace's outbox, in the caller's transaction, so a mail exists iff its cause does. */
@Service
public class MailOutbox {

    private final OutgoingMailRepository mails;
    private final ObjectProvider<JavaMailSender> mailSender;
    private final Permissions permissions;
    private final Clock clock;

    MailOutbox(
            OutgoingMailRepository mails,
            ObjectProvider<JavaMailSender> mailSender,
            Permissions permissions,
            Clock clock) {
        this.mails = mails;
        this.mailSender = mailSender;
        this.permissions = permissions;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void queue(String recipient, String subject, String body) {
        mails.save(new OutgoingMail(TenantContext.require(), recipient, subject, body, false, Instant.now(clock)));
    }

    /**
     * Queues a message whose body holds a secret for the recipient alone (a reset or invitation link): Admins see its
     * body only while no SMTP server is configured, when copying it by hand is the only way to deliver it, and the
     * body is erased once the message is delivered.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void queuePrivate(String recipient, String subject, String body) {
        mails.save(new OutgoingMail(TenantContext.require(), recipient, subject, body, true, Instant.now(clock)));
    }

    /** Whether an SMTP server is configured; without one, messages wait on the Outgoing mail page. */
    public boolean smtpConfigured() {
        return mailSender.getIfAvailable() != null;
    }

    @Transactional(readOnly = true)
    public Page<OutgoingMailView> recent(int page) {
        permissions.require(Permission.ADMINISTER_WORKSPACE);
        boolean hidePrivate = smtpConfigured();
        return mails.findByTenantIdOrderByCreatedAtDesc(TenantContext.require(), PageRequest.of(Math.max(page, 0), 20))
                .map(mail -> mail.view(hidePrivate));
    }
}
