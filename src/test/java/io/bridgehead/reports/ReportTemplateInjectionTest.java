package io.bridgehead.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/**
 * What Admins write into a report template is data: template-injection payloads in every template field are refused
 * (colours, cover layout, CSS), come out of the PDF as literal text (subtitle, expressions in sections) or lose their
 * markup to the section sanitiser; nothing is evaluated and no file is read.
 */
class ReportTemplateInjectionTest {

    static final List<String> PAYLOADS = List.of(
            "[[${T(java.lang.Runtime).getRuntime().exec('id')}]]",
            "__${7*7}__",
            "[(${7*7})]",
            "th:insert=\"~{file:/etc/passwd}\"",
            "<th:block th:replace=\"~{file:/etc/passwd}\">x</th:block>",
            "#{7*7}",
            "${7*7}",
            "%{7*7}",
            "<#assign ex=\"freemarker.template.utility.Execute\"?new()>${ex(\"id\")}",
            "<!--#include file=\"/etc/passwd\"-->",
            "<link href=\"file:///etc/passwd\">",
            "<img src=\"file:///etc/passwd\">",
            "p { background-color: url(file:///etc/passwd); }",
            "@import 'file:///etc/passwd';");

    private final ReportRenderer renderer = new ReportRenderer();

    @Test
    void payloadsInEveryTemplateFieldAreInertOrRefused() throws IOException {
        String all = String.join(" | ", PAYLOADS);
        ReportStyle style = ReportStyle.of(new ReportSnapshot.Template(
                null,
                "Payloads",
                PAYLOADS.get(6),
                "#fff; } body { background-color: url(file:///etc/passwd)",
                PAYLOADS.get(0),
                "Subtitle " + all,
                "NOTE-START\n\n" + all + "\n\n" + String.join("\n\n", PAYLOADS),
                "INTRO-START\n\n" + all + "\n\n" + String.join("\n\n", PAYLOADS),
                "CLOSING-START\n\n" + all + "\n\n" + String.join("\n\n", PAYLOADS),
                all));

        // Colours that are not #rrggbb and CSS that fails the filter never reach the page.
        assertThat(style.primaryColour()).isEqualTo(ReportStyle.DEFAULT_PRIMARY);
        assertThat(style.accentColour()).isEqualTo(ReportStyle.DEFAULT_ACCENT);
        assertThat(style.coverLayout()).isEqualTo(CoverLayout.CLASSIC);
        assertThat(style.customCss()).isEmpty();
        for (String payload : PAYLOADS) {
            assertThat(ReportCss.check(payload).problems()).as(payload).isNotEmpty();
        }

        String html = renderer.html(ReportSample.document(), style);
        // Payloads are in the page only as escaped text: no element, no attribute, nothing in the style blocks.
        assertThat(html).doesNotContain("<th:block", "<link", "src=\"file:", "<!--#include", "<#assign");
        String templateStyle = html.substring(html.lastIndexOf("<style>"), html.lastIndexOf("</style>"));
        assertThat(templateStyle).doesNotContain("url(", "@import", "file:", "7*7");

        ReportRenderer.Rendered rendered = renderer.render(ReportSample.document(), style);
        try (PDDocument document = Loader.loadPDF(rendered.pdf())) {
            String text = new PDFTextStripper().getText(document).replaceAll("\\s+", "");
            for (String payload : PAYLOADS) {
                assertThat(text).as(payload).contains(payload.replaceAll("\\s+", ""));
            }
            assertThat(text).contains("NOTE-START", "INTRO-START", "CLOSING-START");
            // Expressions written into the sections are printed as they were written, never evaluated.
            assertThat(text.split("INTRO-START")[1]).contains("[[${T(java.lang.Runtime)", "[(${7*7})]", "#{7*7}");
            assertThat(text).doesNotContain("49", "root:x:0:0", "uid=");
        }
    }

    @Test
    void validTemplatePartsAppearInThePdf() throws IOException {
        ReportStyle style = ReportStyle.of(new ReportSnapshot.Template(
                null,
                "Board",
                "#112233",
                "#ddeeff",
                "BANNER",
                "Prepared for the board",
                "<div class=\"notice\">Prepared for {{client}} by {{firm}}, {{version}} of {{date}}</div>",
                "**How to read this report**",
                "Thank you — контакт.",
                "h1 { color: #445566; } .notice { font-weight: bold; }"));

        ReportDocument sample = ReportSample.document();
        assertThat(renderer.html(sample, style))
                .contains("color: #112233", "background-color: #ddeeff", "h1 { color: #445566; }")
                .contains("class=\"cover cover-banner\"", "<div class=\"notice\">Prepared for " + sample.clientName());
        try (PDDocument document = Loader.loadPDF(renderer.render(sample, style).pdf())) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("Prepared for the board", "How to read this report", "Thank you — контакт.");
            assertThat(text)
                    .contains("Prepared for " + sample.clientName() + " by " + sample.workspaceName() + ", "
                            + sample.versionLabel() + " of " + sample.generatedOn());
        }
    }

    @Test
    void htmlInSectionsKeepsOnlyPrintLayoutMarkup() {
        String html = ReportSections.toHtml(String.join(
                "\n\n",
                "<script>window.x = 1</script>",
                "<img src=\"file:///etc/passwd\" onerror=\"alert(1)\">",
                "<a href=\"javascript:alert(1)\">js link</a> [md link](javascript:alert(1))",
                "<div class=\"box\" style=\"background: url(file:///etc/passwd)\" onclick=\"alert(1)\">boxed</div>",
                "<iframe src=\"file:///etc/passwd\"></iframe><object data=\"x\"></object><style>p{}</style>",
                "<table><tr><td colspan=\"2\" class=\"wide\">cell</td></tr></table>",
                "<a href=\"https://example.com/terms\">terms</a>"));

        assertThat(html)
                .doesNotContain("<script", "window.x", "<img", "onerror", "javascript:", "style=", "onclick", "<iframe")
                .doesNotContain("<object", "<style", "file:")
                .contains("<div class=\"box\">boxed</div>", "<td colspan=\"2\" class=\"wide\">cell</td>")
                .contains("<a href=\"https://example.com/terms\"", "js link", "md link");
    }

    @Test
    void placeholderValuesAreEscapedAndNotFilledTwice() {
        String filled = ReportSections.fill(
                ReportSections.toHtml("For {{client}} ({{ project }}), not {{unknown}}"),
                java.util.Map.of("client", "<img src=x onerror=alert(1)> {{project}}", "project", "Web & API"));

        assertThat(filled)
                .isEqualTo(
                        "<p>For &lt;img src=x onerror=alert(1)&gt; {{project}} (Web &amp; API), not {<!-- -->{unknown}}</p>\n");
    }
}
