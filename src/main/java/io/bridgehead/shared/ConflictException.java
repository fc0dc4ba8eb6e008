package io.bridgehead.shared;

/** A request the current state forbids (e.g. writing to something read-only); its message is shown to the user. */
public class ConflictException extends RuntimeException {

    public ConflictException(String message) {
        super(message);
    }
}
