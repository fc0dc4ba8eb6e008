package io.bridgehead.shared;

import java.util.Locale;

/** The few text rules every module applies the same way: blank form fields, shortened labels, LIKE searches. */
public final class Text {

    private Text() {}

    /** A form field as stored: stripped, and null when nothing was typed. */
    public static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** A stored optional value as a form shows it: empty instead of null. */
    public static String nullToBlank(String value) {
        return value == null ? "" : value;
    }

    /** A long text field as stored: stripped, and empty rather than null. */
    public static String strippedOrEmpty(String value) {
        return value == null ? "" : value.strip();
    }

    /** At most {@code max} characters, ending in "…" when cut; null stays null. */
    public static String abbreviate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max - 1) + "…";
    }

    /**
     * A LIKE pattern (escape character {@code \}) for lower-cased values containing the given text, whose own
     * {@code %}, {@code _} and {@code \} are taken literally.
     */
    public static String likeContaining(String text) {
        String escaped = text.toLowerCase(Locale.ROOT)
                .replace("\\", "\\\\")
                .replace("%", "\\%")
                .replace("_", "\\_");
        return "%" + escaped + "%";
    }
}
