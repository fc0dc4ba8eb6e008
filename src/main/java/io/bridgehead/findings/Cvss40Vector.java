package io.bridgehead.findings;

import java.util.List;

/**
 * A syntactically valid CVSS v4.0 vector, in specification order. It is not scored here: the analyst enters the v4.0
 * score, because the macrovector lookup table of the specification is not reproduced in Bridgehead.
 */
public record Cvss40Vector(String vector) {

    static final CvssGrammar GRAMMAR = new CvssGrammar(
            "4.0",
            List.of(
                    CvssMetric.of("AV", "Attack Vector", "N", "A", "L", "P"),
                    CvssMetric.of("AC", "Attack Complexity", "L", "H"),
                    CvssMetric.of("AT", "Attack Requirements", "N", "P"),
                    CvssMetric.of("PR", "Privileges Required", "N", "L", "H"),
                    CvssMetric.of("UI", "User Interaction", "N", "P", "A"),
                    CvssMetric.of("VC", "Vulnerable System Confidentiality", "H", "L", "N"),
                    CvssMetric.of("VI", "Vulnerable System Integrity", "H", "L", "N"),
                    CvssMetric.of("VA", "Vulnerable System Availability", "H", "L", "N"),
                    CvssMetric.of("SC", "Subsequent System Confidentiality", "H", "L", "N"),
                    CvssMetric.of("SI", "Subsequent System Integrity", "H", "L", "N"),
                    CvssMetric.of("SA", "Subsequent System Availability", "H", "L", "N")),
            List.of(
                    CvssMetric.of("E", "Exploit Maturity", "X", "A", "P", "U"),
                    CvssMetric.of("CR", "Confidentiality Requirement", "X", "H", "M", "L"),
                    CvssMetric.of("IR", "Integrity Requirement", "X", "H", "M", "L"),
                    CvssMetric.of("AR", "Availability Requirement", "X", "H", "M", "L"),
                    CvssMetric.of("MAV", "Modified Attack Vector", "X", "N", "A", "L", "P"),
                    CvssMetric.of("MAC", "Modified Attack Complexity", "X", "L", "H"),
                    CvssMetric.of("MAT", "Modified Attack Requirements", "X", "N", "P"),
                    CvssMetric.of("MPR", "Modified Privileges Required", "X", "N", "L", "H"),
                    CvssMetric.of("MUI", "Modified User Interaction", "X", "N", "P", "A"),
                    CvssMetric.of("MVC", "Modified Vulnerable System Confidentiality", "X", "H", "L", "N"),
                    CvssMetric.of("MVI", "Modified Vulnerable System Integrity", "X", "H", "L", "N"),
                    CvssMetric.of("MVA", "Modified Vulnerable System Availability", "X", "H", "L", "N"),
                    CvssMetric.of("MSC", "Modified Subsequent System Confidentiality", "X", "H", "L", "N"),
                    CvssMetric.of("MSI", "Modified Subsequent System Integrity", "X", "S", "H", "L", "N"),
                    CvssMetric.of("MSA", "Modified Subsequent System Availability", "X", "S", "H", "L", "N"),
                    CvssMetric.of("S", "Safety", "X", "N", "P"),
                    CvssMetric.of("AU", "Automatable", "X", "N", "Y"),
                    CvssMetric.of("R", "Recovery", "X", "A", "U", "I"),
                    CvssMetric.of("V", "Value Density", "X", "D", "C"),
                    CvssMetric.of("RE", "Vulnerability Response Effort", "X", "L", "M", "H"),
                    CvssMetric.of("U", "Provider Urgency", "X", "Clear", "Green", "Amber", "Red")));

    /** Validates a vector such as {@code CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N}. */
    public static Cvss40Vector parse(String vector) {
        return new Cvss40Vector(GRAMMAR.specificationOrder(GRAMMAR.parse(vector)));
    }
}
