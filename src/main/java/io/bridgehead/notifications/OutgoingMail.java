package io.bridgehead.notifications;

import io.bridgehead.shared.Text;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "mail_outbox")
class OutgoingMail {

    enum Status {
        PENDING,
        SENT,
        FAILED
    }

    @Id
    private UUID id;

    @Column(name = "tenant_id")
    private UUID tenantId;

    private String recipient;

    private String subject;

    private String body;

    @Column(name = "private_content")
    private boolean privateContent;

    @Enumerated(EnumType.STRING)
    private Status status;

    private int attempts;

    @Column(name = "next_attempt_at")
    private Instant nextAttemptAt;

    @Column(name = "last_error")
    private String lastError;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "sent_at")
    private Instant sentAt;

    /** The column's size: subjects carry user text (finding titles, workspace names) that can be longer. */
    static final int MAX_SUBJECT = 200;

    protected OutgoingMail() {}

    OutgoingMail(UUID tenantId, String recipient, String subject, String body, boolean privateContent, Instant now) {
        this.id = UUID.randomUUID();
        this.tenantId = tenantId;
        this.recipient = recipient;
        // A long finding title must not make the status change that notifies about it fail; a subject is one line.
        this.subject = Text.abbreviate(subject.replaceAll("[\\r\\n]+", " "), MAX_SUBJECT);
        this.body = body;
        this.privateContent = privateContent;
        this.status = Status.PENDING;
        this.nextAttemptAt = now;
        this.createdAt = now;
    }

    /** With {@code hidePrivate}, a private body is left out: only its recipient should read it. */
    OutgoingMailView view(boolean hidePrivate) {
        boolean hidden = privateContent && hidePrivate;
        return new OutgoingMailView(
                id,
                recipient,
                subject,
                hidden ? null : body,
                hidden,
                status.name(),
                attempts,
                lastError,
                createdAt,
                sentAt);
    }
}
