package io.bridgehead.clients;

import java.util.Arrays;
import java.util.Locale;

/** The placeholder shown instead of a logo: the first letters of the first two words of the name. */
final class ClientInitials {

    private ClientInitials() {}

    static String of(String name) {
        String letters = Arrays.stream(name.strip().split("[\\s\\-_.]+"))
                .filter(word -> !word.isEmpty())
                .limit(2)
                .map(word -> word.substring(0, word.offsetByCodePoints(0, 1)))
                .reduce("", String::concat);
        return letters.isEmpty() ? "?" : letters.toUpperCase(Locale.ROOT);
    }
}
