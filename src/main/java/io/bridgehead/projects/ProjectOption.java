package io.bridgehead.projects;

import java.util.UUID;

/** A project in a selector or type-ahead. */
public record ProjectOption(UUID id, String name, UUID clientId) {}
