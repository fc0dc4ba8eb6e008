package io.bridgehead.reports;

import static org.assertj.core.api.Assertions.assertThat;

import io.bridgehead.shared.web.Markdown;
import java.io.IOException;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/**
 * What Admins write into a report template is data: template-injection payloads in every template field are refused
 * (colours, CSS) or come out of the PDF as literal text (subtitle, Markdown sections); nothing is evaluated and no
 * file is read.
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
    private final Markdown markdown = new Markdown();

    @Test
    void payloadsInEveryTemplateFieldAreInertOrRefused() throws IOException {
        String all = String.join(" | ", PAYLOADS);
        ReportStyle style = new ReportStyle(
                PAYLOADS.get(6),
                "#fff; } body { background-color: url(file:///etc/passwd)",
                "Subtitle " + all,
                markdown.toHtml("INTRO-START\n\n" + all + "\n\n" + String.join("\n\n", PAYLOADS)),
                markdown.toHtml("CLOSING-START\n\n" + all + "\n\n" + String.join("\n\n", PAYLOADS)),
                all);

        // Colours that are not #rrggbb and CSS that fails the filter never reach the page.
        assertThat(style.primaryColour()).isEqualTo(ReportStyle.DEFAULT_PRIMARY);
        assertThat(style.accentColour()).isEqualTo(ReportStyle.DEFAULT_ACCENT);
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
            assertThat(text).contains("INTRO-START", "CLOSING-START");
            assertThat(text).doesNotContain("49", "root:x:0:0", "uid=");
        }
    }

    @Test
    void validTemplatePartsAppearInThePdf() throws IOException {
        ReportStyle style = new ReportStyle(
                "#112233",
                "#ddeeff",
                "Prepared for the board",
                markdown.toHtml("**How to read this report**"),
                markdown.toHtml("Thank you — контакт."),
                "h1 { color: #445566; }");

        assertThat(renderer.html(ReportSample.document(), style))
                .contains("color: #112233", "background-color: #ddeeff", "h1 { color: #445566; }");
        try (PDDocument document =
                Loader.loadPDF(renderer.render(ReportSample.document(), style).pdf())) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("Prepared for the board", "How to read this report", "Thank you — контакт.");
        }
    }
}
