package io.bridgehead.findings;

import io.bridgehead.findings.FindingTransition.Side;
import java.time.Instant;
import java.util.UUID;

/**
 * @param html the body rendered from Markdown and sanitized, safe to insert unescaped
 * @param authorSide whether the firm or the client's person (through the portal) wrote it
 * @param mayChange whether the current user may still edit or delete it (its author, within the time limit)
 */
public record FindingCommentView(
        UUID id,
        String authorName,
        Side authorSide,
        String body,
        String html,
        CommentVisibility visibility,
        Instant createdAt,
        Instant editedAt,
        boolean mayChange) {

    public boolean edited() {
        return editedAt != null;
    }

    public boolean fromClient() {
        return authorSide == Side.CLIENT;
    }

    public boolean internal() {
        return visibility == CommentVisibility.INTERNAL;
    }
}
