package io.bridgehead.clients;

import java.time.Instant;
import java.util.UUID;

/** An internal note: for the firm only, never shown on a portal page. {@code html} is the sanitized rendering. */
public record ClientNoteView(
        UUID id, String authorName, String body, String html, Instant createdAt, Instant editedAt, boolean mayChange) {

    public boolean edited() {
        return editedAt != null;
    }
}
