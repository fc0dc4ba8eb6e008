package io.bridgehead.clients;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "client_note")
class ClientNote {

    @Id
    private UUID id;

    @Column(name = "tenant_id")
    private UUID tenantId;

    @Column(name = "client_id")
    private UUID clientId;

    @Column(name = "author_id")
    private UUID authorId;

    @Column(name = "author_name")
    private String authorName;

    private String body;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "edited_at")
    private Instant editedAt;

    protected ClientNote() {}

    ClientNote(UUID tenantId, UUID clientId, UUID authorId, String authorName, String body, Instant now) {
        this.id = UUID.randomUUID();
        this.tenantId = tenantId;
        this.clientId = clientId;
        this.authorId = authorId;
        this.authorName = authorName;
        this.body = body;
        this.createdAt = now;
    }

    UUID id() {
        return id;
    }

    UUID authorId() {
        return authorId;
    }

    String body() {
        return body;
    }

    void edit(String body, Instant now) {
        this.body = body;
        this.editedAt = now;
    }

    ClientNoteView view(String html, boolean mayChange) {
        return new ClientNoteView(id, authorName, body, html, createdAt, editedAt, mayChange);
    }
}
