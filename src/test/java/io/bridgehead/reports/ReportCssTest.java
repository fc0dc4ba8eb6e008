package io.bridgehead.reports;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReportCssTest {

    @Test
    void allowedRulesAreRebuiltFromTheirParts() {
        ReportCss.Checked checked =
                ReportCss.check("h1 {\n  color: #123456;\n  margin-top: 4mm\n}\n.x, p { font-size: 10pt; }");

        assertThat(checked.problems()).isEmpty();
        assertThat(checked.css()).isEqualTo("h1 { color: #123456; margin-top: 4mm; }\n.x, p { font-size: 10pt; }\n");
    }

    @Test
    void dangerousConstructsAreRefusedNamingTheLine() {
        assertThat(ReportCss.check("p { color: red; }\n@import 'file:///etc/passwd';")
                        .problems())
                .anyMatch(p -> p.startsWith("Line 2:") && p.contains("@import"));
        assertThat(ReportCss.check("p { background-color: url(file:///etc/passwd); }")
                        .problems())
                .anyMatch(p -> p.contains("url("));
        assertThat(ReportCss.check("p { color: expression(alert(1)); }").problems())
                .anyMatch(p -> p.contains("expression("));
        assertThat(ReportCss.check("p { behavior: x; }").problems()).isNotEmpty();
        assertThat(ReportCss.check("p { -moz-binding: x; }").problems()).isNotEmpty();
        assertThat(ReportCss.check("</style><script>x</script>").problems()).isNotEmpty();
        assertThat(ReportCss.check("p { color: \\72 ed; }").problems()).anyMatch(p -> p.contains("\\"));
        assertThat(ReportCss.check("@font-face { font-family: x; }").problems())
                .anyMatch(p -> p.contains("@font-face"));
        assertThat(ReportCss.check("@page { margin: 0; }").problems()).anyMatch(p -> p.contains("at-rules"));
        assertThat(ReportCss.check("p { /* x */ color: red; }").problems()).isNotEmpty();
    }

    @Test
    void onlyAllowListedPropertiesAndPlainValuesPass() {
        assertThat(ReportCss.check("p {\n  position: fixed;\n}").problems())
                .containsExactly("Line 2: the property \"position\" is not allowed.");
        assertThat(ReportCss.check("p { content: 'x'; }").problems()).isNotEmpty();
        assertThat(ReportCss.check("p { color: rgb(1,2,3); }").problems()).anyMatch(p -> p.contains("the value"));
        assertThat(ReportCss.check("p { color: \"red\"; }").problems()).isNotEmpty();
        assertThat(ReportCss.check("a[href] { color: red; }").problems()).anyMatch(p -> p.contains("selector"));
        assertThat(ReportCss.check("p { color: red; ").problems()).anyMatch(p -> p.contains("unbalanced"));
        assertThat(ReportCss.check("p { q { color: red; } }").problems()).isNotEmpty();
        assertThat(ReportCss.check("color: red;").problems()).isNotEmpty();
        assertThat(ReportCss.check("p { border-left: 1pt solid #abcdef; padding: 1mm 2mm; page-break-before: always; }")
                        .problems())
                .isEmpty();
    }

    @Test
    void tooLongCssIsRefused() {
        assertThat(ReportCss.check("p { color: red; }".repeat(2000)).problems())
                .containsExactly("The CSS is longer than 20000 characters.");
    }
}
