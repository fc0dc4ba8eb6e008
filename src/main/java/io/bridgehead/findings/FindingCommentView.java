package io.bridgehead.findings;

import java.time.Instant;
import java.util.UUID;

/**
 * @param html the body rendered from Markdown and sanitized, safe to insert unescaped
 * @param mayChange whether the current user may still edit or delete it (its author, within the time limit)
 */
public record FindingCommentView(
        UUID id,
        String authorName,
        String body,
        String html,
        CommentVisibility visibility,
        Instant createdAt,
        Instant editedAt,
        boolean mayChange) {

    public boolean edited() {
        return editedAt != null;
    }

    public boolean internal() {
        return visibility == CommentVisibility.INTERNAL;
    }
}
