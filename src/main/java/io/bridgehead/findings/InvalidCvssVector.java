package io.bridgehead.findings;

/** A CVSS vector that cannot be used. The message is a sentence to show the user as it is and names the wrong part. */
public final class InvalidCvssVector extends RuntimeException {

    private static final long serialVersionUID = 1L;

    InvalidCvssVector(String message) {
        super(message);
    }
}
