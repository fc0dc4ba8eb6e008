package io.bridgehead.tenancy;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** What a slug an Admin chooses must look like, and the 30 days that govern changing and releasing one. */
final class SlugRules {

    static final int MIN_LENGTH = 3;
    static final int MAX_LENGTH = 50;

    /** How long after a change the next one must wait, and how long a released slug stays reserved. */
    static final Duration QUIET_PERIOD = Duration.ofDays(30);

    // Names that would look like parts of Bridgehead itself, or like infrastructure, on a portal host name.
    private static final Set<String> RESERVED = Set.of(
            "admin",
            "api",
            "www",
            "portal",
            "login",
            "logout",
            "app",
            "auth",
            "account",
            "accounts",
            "settings",
            "static",
            "assets",
            "css",
            "js",
            "img",
            "webjars",
            "error",
            "help",
            "support",
            "status",
            "docs",
            "mail",
            "smtp",
            "ftp",
            "cdn",
            "blog",
            "root",
            "system",
            "bridgehead",
            "staff",
            "invitations",
            "password");

    private static final Pattern FORM = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    // Anything a stored slug can be (generated ones may be shorter or longer than an Admin's choice): one DNS label.
    private static final Pattern STORED_FORM = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");

    private SlugRules() {}

    /** What the Admin typed, as it would be stored: trimmed and lower-cased. */
    static String normalised(String input) {
        return input == null ? "" : input.strip().toLowerCase(Locale.ROOT);
    }

    /** The message for a slug that breaks a rule, or empty when it may be chosen (if free). */
    static Optional<String> problem(String slug) {
        if (slug.isEmpty()) {
            return Optional.of("Enter the new address name.");
        }
        if (slug.length() < MIN_LENGTH || slug.length() > MAX_LENGTH) {
            return Optional.of("Use " + MIN_LENGTH + " to " + MAX_LENGTH + " characters.");
        }
        if (!FORM.matcher(slug).matches()) {
            return Optional.of(
                    "Use only lower-case letters, digits and single dashes, not starting or ending with a" + " dash.");
        }
        if (isReservedWord(slug)) {
            return Optional.of("“" + slug + "” is reserved by Bridgehead. Choose another name.");
        }
        return Optional.empty();
    }

    static boolean isReservedWord(String slug) {
        return RESERVED.contains(slug);
    }

    /** Whether the text could be any workspace's slug; anything else is not worth a database lookup. */
    static boolean couldBeSlug(String text) {
        return text != null && STORED_FORM.matcher(text).matches();
    }
}
