package io.bridgehead.findings;

/** The qualitative rating of a finding; CVSS calls the lowest band "None", a report calls it Informational. */
public enum Severity {
    CRITICAL("Critical"),
    HIGH("High"),
    MEDIUM("Medium"),
    LOW("Low"),
    INFORMATIONAL("Informational");

    private final String label;

    Severity(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The CVSS qualitative severity rating scale (v3.1 §5, unchanged in v4.0). */
    public static Severity fromCvssScore(double score) {
        if (!(score >= 0.0 && score <= 10.0)) {
            throw new IllegalArgumentException("A CVSS score lies between 0.0 and 10.0, not " + score + ".");
        }
        if (score >= 9.0) {
            return CRITICAL;
        }
        if (score >= 7.0) {
            return HIGH;
        }
        if (score >= 4.0) {
            return MEDIUM;
        }
        if (score >= 0.1) {
            return LOW;
        }
        return INFORMATIONAL;
    }
}
