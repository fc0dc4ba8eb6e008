package io.bridgehead.shared.security;

import java.util.UUID;

/** Whoever is acting in the current request: the signed-in principal implements this. */
public interface Actor {

    UUID tenantId();

    UUID userId();

    String email();
}
