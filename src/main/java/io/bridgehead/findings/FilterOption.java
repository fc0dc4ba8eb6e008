package io.bridgehead.findings;

import java.util.UUID;

/** A suggestion of a type-ahead filter: what the field shows once picked, and a detail to tell similar names apart. */
public record FilterOption(UUID id, String name, String detail) {}
