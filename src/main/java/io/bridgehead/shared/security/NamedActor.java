package io.bridgehead.shared.security;

/** An actor with a display name, shown as the author of what they write. */
public interface NamedActor extends Actor {

    String fullName();
}
