package io.bridgehead.findings;

import java.util.List;
import java.util.Map;

/**
 * A CVSS v3.1 vector and its base score, computed per the FIRST specification (§7.1, Roundup of Appendix A). Temporal
 * and environmental metrics are validated and kept in the vector but do not change the base score.
 */
public record Cvss31(String vector, double baseScore, Severity severity) {

    static final CvssGrammar GRAMMAR = new CvssGrammar(
            "3.1",
            List.of(
                    CvssMetric.of("AV", "Attack Vector", "N", "A", "L", "P"),
                    CvssMetric.of("AC", "Attack Complexity", "L", "H"),
                    CvssMetric.of("PR", "Privileges Required", "N", "L", "H"),
                    CvssMetric.of("UI", "User Interaction", "N", "R"),
                    CvssMetric.of("S", "Scope", "U", "C"),
                    CvssMetric.of("C", "Confidentiality", "H", "L", "N"),
                    CvssMetric.of("I", "Integrity", "H", "L", "N"),
                    CvssMetric.of("A", "Availability", "H", "L", "N")),
            List.of(
                    CvssMetric.of("E", "Exploit Code Maturity", "X", "H", "F", "P", "U"),
                    CvssMetric.of("RL", "Remediation Level", "X", "U", "W", "T", "O"),
                    CvssMetric.of("RC", "Report Confidence", "X", "C", "R", "U"),
                    CvssMetric.of("CR", "Confidentiality Requirement", "X", "H", "M", "L"),
                    CvssMetric.of("IR", "Integrity Requirement", "X", "H", "M", "L"),
                    CvssMetric.of("AR", "Availability Requirement", "X", "H", "M", "L"),
                    CvssMetric.of("MAV", "Modified Attack Vector", "X", "N", "A", "L", "P"),
                    CvssMetric.of("MAC", "Modified Attack Complexity", "X", "L", "H"),
                    CvssMetric.of("MPR", "Modified Privileges Required", "X", "N", "L", "H"),
                    CvssMetric.of("MUI", "Modified User Interaction", "X", "N", "R"),
                    CvssMetric.of("MS", "Modified Scope", "X", "U", "C"),
                    CvssMetric.of("MC", "Modified Confidentiality", "X", "H", "L", "N"),
                    CvssMetric.of("MI", "Modified Integrity", "X", "H", "L", "N"),
                    CvssMetric.of("MA", "Modified Availability", "X", "H", "L", "N")));

    /** Parses and scores a vector such as {@code CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H}. */
    public static Cvss31 parse(String vector) {
        Map<String, String> values = GRAMMAR.parse(vector);
        double score = baseScore(values);
        return new Cvss31(GRAMMAR.baseFirst(values), score, Severity.fromCvssScore(score));
    }

    private static double baseScore(Map<String, String> values) {
        boolean scopeChanged = values.get("S").equals("C");
        double impact = impact(values, scopeChanged);
        if (impact <= 0) {
            return 0.0;
        }
        double exploitability = 8.22
                * attackVector(values.get("AV"))
                * attackComplexity(values.get("AC"))
                * privilegesRequired(values.get("PR"), scopeChanged)
                * userInteraction(values.get("UI"));
        if (scopeChanged) {
            return roundUp(Math.min(1.08 * (impact + exploitability), 10));
        }
        return roundUp(Math.min(impact + exploitability, 10));
    }

    private static double impact(Map<String, String> values, boolean scopeChanged) {
        double iss = 1
                - (1 - impactWeight(values.get("C")))
                        * (1 - impactWeight(values.get("I")))
                        * (1 - impactWeight(values.get("A")));
        if (scopeChanged) {
            return 7.52 * (iss - 0.029) - 3.25 * Math.pow(iss - 0.02, 15);
        }
        return 6.42 * iss;
    }

    /**
     * Rounds up to one decimal. Works on an integer of hundred-thousandths so that a float error such as 4.000000000000001
     * does not round up to 4.1 (Appendix A).
     */
    static double roundUp(double value) {
        int hundredThousandths = (int) Math.round(value * 100000);
        if (hundredThousandths % 10000 == 0) {
            return hundredThousandths / 100000.0;
        }
        return (hundredThousandths / 10000 + 1) / 10.0;
    }

    private static double attackVector(String value) {
        return switch (value) {
            case "N" -> 0.85;
            case "A" -> 0.62;
            case "L" -> 0.55;
            case "P" -> 0.2;
            default -> throw unexpected("AV", value);
        };
    }

    private static double attackComplexity(String value) {
        return switch (value) {
            case "L" -> 0.77;
            case "H" -> 0.44;
            default -> throw unexpected("AC", value);
        };
    }

    private static double privilegesRequired(String value, boolean scopeChanged) {
        return switch (value) {
            case "N" -> 0.85;
            case "L" -> scopeChanged ? 0.68 : 0.62;
            case "H" -> scopeChanged ? 0.5 : 0.27;
            default -> throw unexpected("PR", value);
        };
    }

    private static double userInteraction(String value) {
        return switch (value) {
            case "N" -> 0.85;
            case "R" -> 0.62;
            default -> throw unexpected("UI", value);
        };
    }

    private static double impactWeight(String value) {
        return switch (value) {
            case "H" -> 0.56;
            case "L" -> 0.22;
            case "N" -> 0.0;
            default -> throw unexpected("C, I or A", value);
        };
    }

    private static IllegalStateException unexpected(String metric, String value) {
        return new IllegalStateException("The grammar let through " + metric + ":" + value);
    }
}
