package io.bridgehead.identity;

/** An invitation or reset link that is unknown, forged, used, revoked or expired: all look the same to the user. */
public class InvalidLinkException extends RuntimeException {

    InvalidLinkException() {
        super("This link is invalid or has expired.");
    }
}
