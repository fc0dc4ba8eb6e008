package io.bridgehead.findings;

/** A team member offered after {@code @}: typing {@code @handle} mentions them. */
public record MentionSuggestion(String handle, String name, String email) {}
