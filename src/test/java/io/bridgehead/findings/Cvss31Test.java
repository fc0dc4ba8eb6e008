package io.bridgehead.findings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Expected scores are published ones (FIRST examples, NVD) or, where marked "by hand", worked from the formulas of §7.1:
 * ISS = 1 − (1−C)(1−I)(1−A); Impact = 6.42 × ISS (S:U) or 7.52 × (ISS − 0.029) − 3.25 × (ISS − 0.02)^15 (S:C);
 * Exploitability = 8.22 × AV × AC × PR × UI; Base = Roundup(min(Impact + Exploitability, 10)) (S:U) or
 * Roundup(min(1.08 × (Impact + Exploitability), 10)) (S:C).
 */
class Cvss31Test {

    @ParameterizedTest(name = "{0} = {1} {2}")
    @CsvSource(delimiter = '|', textBlock = """
            CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H | 9.8  | Critical
            CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H | 10.0 | Critical
            CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:C/C:H/I:H/A:H | 9.9  | Critical
            CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H | 8.8  | High
            CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:U/C:H/I:H/A:H | 8.8  | High
            CVSS:3.1/AV:L/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H | 7.8  | High
            CVSS:3.1/AV:L/AC:L/PR:N/UI:R/S:U/C:H/I:H/A:H | 7.8  | High
            CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N | 7.5  | High
            CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H | 7.5  | High
            CVSS:3.1/AV:A/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N | 6.5  | Medium
            CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:C/C:L/I:L/A:N | 6.4  | Medium
            CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N | 6.1  | Medium
            CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:N/A:N | 5.9  | Medium
            CVSS:3.1/AV:N/AC:L/PR:L/UI:R/S:C/C:L/I:L/A:N | 5.4  | Medium
            CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:L/I:N/A:N | 5.3  | Medium
            CVSS:3.1/AV:N/AC:L/PR:H/UI:R/S:C/C:L/I:L/A:N | 4.8  | Medium
            CVSS:3.1/AV:P/AC:H/PR:H/UI:R/S:U/C:L/I:N/A:N | 1.6  | Low
            CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:N | 0.0  | Informational
            CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:N/I:N/A:N | 0.0  | Informational
            """)
    void scoresPublishedVectors(String vector, double score, String severity) {
        Cvss31 cvss = Cvss31.parse(vector);

        assertThat(cvss.baseScore()).isEqualTo(score);
        assertThat(cvss.severity().label()).isEqualTo(severity);
        assertThat(cvss.vector()).isEqualTo(vector);
    }

    @Test
    void privilegesWeighMoreWhenScopeChanges() {
        // By hand: ISS 0.3916, Impact 7.52 × 0.3626 − 3.25 × 0.3716^15 = 2.72675;
        // Exploitability 8.22 × 0.85 × 0.77 × 0.5 (PR:H, changed) × 0.85 = 2.28650; 1.08 × 5.01325 = 5.414 → 5.5
        Cvss31 cvss = Cvss31.parse("CVSS:3.1/AV:N/AC:L/PR:H/UI:N/S:C/C:L/I:L/A:N");

        assertThat(cvss.baseScore()).isEqualTo(5.5);
        assertThat(cvss.severity()).isEqualTo(Severity.MEDIUM);
    }

    // Appendix A's Roundup works in hundred-thousandths: 4.00001 is above 4.0, 4.000001 counts as float noise.
    @ParameterizedTest(name = "Roundup({0}) = {1}")
    @CsvSource({
        "0.0, 0.0",
        "4.0, 4.0",
        "4.02, 4.1",
        "4.00001, 4.1",
        "4.000001, 4.0",
        "4.000000000000001, 4.0",
        "4.1, 4.1",
        "9.99, 10.0"
    })
    void roundsUpToOneDecimalIgnoringFloatNoise(double value, double rounded) {
        assertThat(Cvss31.roundUp(value)).isEqualTo(rounded);
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
        "0.0, INFORMATIONAL",
        "0.1, LOW",
        "3.9, LOW",
        "4.0, MEDIUM",
        "6.9, MEDIUM",
        "7.0, HIGH",
        "8.9, HIGH",
        "9.0, CRITICAL",
        "10.0, CRITICAL"
    })
    void severityFollowsTheRatingScale(double score, Severity severity) {
        assertThat(Severity.fromCvssScore(score)).isEqualTo(severity);
    }

    @ParameterizedTest
    @ValueSource(doubles = {-0.1, 10.1, Double.NaN})
    void aScoreOutsideTheScaleHasNoSeverity(double score) {
        assertThatThrownBy(() -> Severity.fromCvssScore(score)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void baseMetricsAreNormalisedToSpecificationOrderAndOthersKeepTheirOrder() {
        Cvss31 cvss = Cvss31.parse("CVSS:3.1/RL:O/A:H/I:H/C:H/E:P/S:U/UI:N/PR:N/AC:L/AV:N/CR:H");

        assertThat(cvss.vector()).isEqualTo("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/RL:O/E:P/CR:H");
        assertThat(cvss.baseScore()).isEqualTo(9.8);
    }

    @Test
    void temporalAndEnvironmentalMetricsAreAcceptedButDoNotChangeTheBaseScore() {
        String base = "CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N";
        String full = base + "/E:U/RL:O/RC:U/CR:L/IR:L/AR:L/MAV:P/MAC:H/MPR:H/MUI:R/MS:U/MC:N/MI:N/MA:N";

        Cvss31 cvss = Cvss31.parse(full);

        assertThat(cvss.baseScore()).isEqualTo(6.1);
        assertThat(cvss.severity()).isEqualTo(Severity.MEDIUM);
        assertThat(cvss.vector()).isEqualTo(full);
    }

    @Test
    void surroundingWhitespaceIsIgnored() {
        assertThat(Cvss31.parse("  CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H \n")
                        .vector())
                .isEqualTo("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "\t"})
    void aBlankVectorIsRefused(String vector) {
        assertRefused(vector, "Enter a CVSS vector.");
    }

    @Test
    void aVectorOver200CharactersIsRefused() {
        String longVector = "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H" + "/E:X".repeat(40);

        assertRefused(longVector, "A CVSS vector is at most 200 characters.");
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', textBlock = """
            AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H               | A CVSS 3.1 vector starts with "CVSS:3.1/".
            cvss:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H      | A CVSS 3.1 vector starts with "CVSS:3.1/".
            CVSS:3.1                                          | A CVSS 3.1 vector starts with "CVSS:3.1/".
            CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H      | CVSS 3.0 is not accepted here. Use a CVSS:3.1 vector.
            CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N | CVSS 4.0 is not accepted here. Use a CVSS:3.1 vector.
            CVSS:3.1/AVN/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H       | Malformed part "AVN": expected metric:value.
            CVSS:3.1/AV:N:L/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H    | Malformed part "AV:N:L": expected metric:value.
            CVSS:3.1/AV:/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H       | Malformed part "AV:": expected metric:value.
            CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/     | The vector has an empty part: remove the extra "/".
            CVSS:3.1/AV:N//AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H     | The vector has an empty part: remove the extra "/".
            CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/ZZ:X | Unknown metric "ZZ".
            CVSS:3.1/av:n/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H      | Unknown metric "av".
            CVSS:3.1/AV:N/AC:L/AT:N/PR:N/UI:N/S:U/C:H/I:H/A:H | Unknown metric "AT".
            CVSS:3.1/AV:X/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H      | Unknown value "X" for AV (Attack Vector): use N, A, L or P.
            CVSS:3.1/AV:N/AC:M/PR:N/UI:N/S:U/C:H/I:H/A:H      | Unknown value "M" for AC (Attack Complexity): use L or H.
            CVSS:3.1/AV:N/AC:L/PR:X/UI:N/S:U/C:H/I:H/A:H      | Unknown value "X" for PR (Privileges Required): use N, L or H.
            CVSS:3.1/AV:N/AC:L/PR:N/UI:P/S:U/C:H/I:H/A:H      | Unknown value "P" for UI (User Interaction): use N or R.
            CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:X/C:H/I:H/A:H      | Unknown value "X" for S (Scope): use U or C.
            CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:h/I:H/A:H      | Unknown value "h" for C (Confidentiality): use H, L or N.
            CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:M/A:H      | Unknown value "M" for I (Integrity): use H, L or N.
            CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:X      | Unknown value "X" for A (Availability): use H, L or N.
            CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/E:A  | Unknown value "A" for E (Exploit Code Maturity): use X, H, F, P or U.
            CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/MS:N | Unknown value "N" for MS (Modified Scope): use X, U or C.
            CVSS:3.1/AV:N/AC:L/UI:N/S:U/C:H/I:H/A:H           | Missing metric PR (Privileges Required).
            CVSS:3.1/AV:N/AC:L/S:U/C:H/I:H                    | Missing metrics PR (Privileges Required), UI (User Interaction) and A (Availability).
            CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/AV:N | Metric AV appears twice.
            CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/E:P/E:U | Metric E appears twice.
            """)
    void aWrongPartIsNamed(String vector, String message) {
        assertRefused(vector, message);
    }

    @Test
    void aPrefixWithoutMetricsListsEveryMissingMetric() {
        assertRefused(
                "CVSS:3.1/",
                "Missing metrics AV (Attack Vector), AC (Attack Complexity), PR (Privileges Required),"
                        + " UI (User Interaction), S (Scope), C (Confidentiality), I (Integrity) and A (Availability).");
    }

    private static void assertRefused(String vector, String message) {
        assertThatThrownBy(() -> Cvss31.parse(vector))
                .isInstanceOf(InvalidCvssVector.class)
                .hasMessage(message);
    }
}
