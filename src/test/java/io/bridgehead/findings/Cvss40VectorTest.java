package io.bridgehead.findings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class Cvss40VectorTest {

    static final String BASE = "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N";

    @ParameterizedTest
    @ValueSource(
            strings = {
                BASE,
                "CVSS:4.0/AV:P/AC:H/AT:P/PR:H/UI:A/VC:N/VI:L/VA:N/SC:L/SI:H/SA:L",
                "CVSS:4.0/AV:A/AC:L/AT:N/PR:L/UI:P/VC:L/VI:N/VA:L/SC:H/SI:L/SA:H",
                BASE + "/E:A",
                BASE + "/CR:H/IR:M/AR:L/MAV:L/MAC:H/MAT:P/MPR:L/MUI:A/MVC:L/MVI:N/MVA:X/MSC:H/MSI:S/MSA:S",
                BASE + "/S:P/AU:Y/R:I/V:C/RE:H/U:Amber"
            })
    void aValidVectorIsKept(String vector) {
        assertThat(Cvss40Vector.parse(vector).vector()).isEqualTo(vector);
    }

    @Test
    void theLongestVectorFitsTheLengthLimit() {
        String everything = BASE
                + "/E:U/CR:H/IR:H/AR:H/MAV:N/MAC:L/MAT:N/MPR:N/MUI:N/MVC:H/MVI:H/MVA:H/MSC:H/MSI:S/MSA:S"
                + "/S:N/AU:N/R:A/V:D/RE:L/U:Clear";

        assertThat(Cvss40Vector.parse(everything).vector()).isEqualTo(everything);
    }

    @Test
    void metricsAreNormalisedToSpecificationOrder() {
        Cvss40Vector vector =
                Cvss40Vector.parse("CVSS:4.0/U:Red/SA:N/SI:N/SC:N/VA:H/VI:H/VC:H/E:P/UI:N/PR:N/AT:N/AC:L/AV:N/CR:L");

        assertThat(vector.vector()).isEqualTo(BASE + "/E:P/CR:L/U:Red");
    }

    @Test
    void surroundingWhitespaceIsIgnored() {
        assertThat(Cvss40Vector.parse(" " + BASE + " ").vector()).isEqualTo(BASE);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   "})
    void aBlankVectorIsRefused(String vector) {
        assertRefused(vector, "Enter a CVSS vector.");
    }

    @Test
    void aVectorOver200CharactersIsRefused() {
        assertRefused(BASE + "/E:X".repeat(40), "A CVSS vector is at most 200 characters.");
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', textBlock = """
            AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N             | A CVSS 4.0 vector starts with "CVSS:4.0/".
            CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H                       | CVSS 3.1 is not accepted here. Use a CVSS:4.0 vector.
            CVSS:4.0/AVN/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N     | Malformed part "AVN": expected metric:value.
            CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/   | The vector has an empty part: remove the extra "/".
            CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/ZZ:X | Unknown metric "ZZ".
            CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/S:U/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N | Unknown value "U" for S (Safety): use X, N or P.
            CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/C:H/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N | Unknown metric "C".
            CVSS:4.0/AV:X/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N     | Unknown value "X" for AV (Attack Vector): use N, A, L or P.
            CVSS:4.0/AV:N/AC:L/AT:L/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N     | Unknown value "L" for AT (Attack Requirements): use N or P.
            CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:R/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N     | Unknown value "R" for UI (User Interaction): use N, P or A.
            CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:S/SA:N     | Unknown value "S" for SI (Subsequent System Integrity): use H, L or N.
            CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/MVC:S | Unknown value "S" for MVC (Modified Vulnerable System Confidentiality): use X, H, L or N.
            CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/E:F | Unknown value "F" for E (Exploit Maturity): use X, A, P or U.
            CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/U:red | Unknown value "red" for U (Provider Urgency): use X, Clear, Green, Amber or Red.
            CVSS:4.0/AV:N/AC:L/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N          | Missing metric AT (Attack Requirements).
            CVSS:4.0/AV:N/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H                         | Missing metrics AC (Attack Complexity), SC (Subsequent System Confidentiality), SI (Subsequent System Integrity) and SA (Subsequent System Availability).
            CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/AV:N | Metric AV appears twice.
            """)
    void aWrongPartIsNamed(String vector, String message) {
        assertRefused(vector, message);
    }

    private static void assertRefused(String vector, String message) {
        assertThatThrownBy(() -> Cvss40Vector.parse(vector))
                .isInstanceOf(InvalidCvssVector.class)
                .hasMessage(message);
    }
}
