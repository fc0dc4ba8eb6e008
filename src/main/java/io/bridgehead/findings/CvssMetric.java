package io.bridgehead.findings;

import java.util.List;

/** One metric a CVSS vector may carry, with its allowed values in specification order. */
record CvssMetric(String abbreviation, String name, List<String> values) {

    CvssMetric {
        values = List.copyOf(values);
    }

    static CvssMetric of(String abbreviation, String name, String... values) {
        return new CvssMetric(abbreviation, name, List.of(values));
    }

    boolean allows(String value) {
        return values.contains(value);
    }

    /** How messages name the metric, e.g. "AV (Attack Vector)". */
    String label() {
        return abbreviation + " (" + name + ")";
    }

    /** The allowed values as a message lists them, e.g. "N, A, L or P". */
    String choices() {
        return joined(values, "or");
    }

    static String joined(List<String> words, String conjunction) {
        if (words.size() == 1) {
            return words.get(0);
        }
        String allButLast = String.join(", ", words.subList(0, words.size() - 1));
        return allButLast + " " + conjunction + " " + words.get(words.size() - 1);
    }
}
