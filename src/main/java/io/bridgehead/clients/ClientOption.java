package io.bridgehead.clients;

import java.util.UUID;

/** A client in a selector. */
public record ClientOption(UUID id, String name) {}
