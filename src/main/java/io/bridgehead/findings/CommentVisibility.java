package io.bridgehead.findings;

/** Who may read a comment: the firm only, or also the client (once the portal shows comments). */
public enum CommentVisibility {
    INTERNAL("Internal"),
    SHARED("Shared with client");

    private final String label;

    CommentVisibility(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
