package io.bridgehead.shared;

/** A broken domain rule about one field of a command; pages show it next to the field, the API as a problem detail. */
public class RuleViolation extends RuntimeException {

    private final String field;

    private RuleViolation(String field, String message) {
        super(message);
        this.field = field;
    }

    public static RuleViolation of(String field, String message) {
        return new RuleViolation(field, message);
    }

    public String field() {
        return field;
    }
}
