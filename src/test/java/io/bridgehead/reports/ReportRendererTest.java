package io.bridgehead.reports;

import static org.assertj.core.api.Assertions.assertThat;

import io.bridgehead.shared.web.Markdown;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/**
 * What people type into a report is text, never template code: expression and inlining payloads in every field come
 * out of the PDF literally, and HTML in Markdown neither renders nor loads anything.
 */
class ReportRendererTest {

    static final List<String> PAYLOADS = List.of(
            "${T(java.lang.Runtime).getRuntime().exec('touch /tmp/pwned')}",
            "[[${7*7}]]",
            "[(${7*7})]",
            "__${7*7}__::x",
            "*{7*7}",
            "#{7*7}",
            "@{/x(a=${7*7})}",
            "~{::html}",
            "{{7*7}}",
            "<#assign ex=\"freemarker.template.utility.Execute\"?new()>${ex(\"id\")}");

    private final ReportRenderer renderer = new ReportRenderer();
    private final ReportRenderJob job =
            new ReportRenderJob(null, null, renderer, new Markdown(), null, Clock.systemUTC());

    @Test
    void templateInjectionPayloadsInEveryFieldRenderAsInertText() throws IOException {
        String all = String.join(" | ", PAYLOADS);
        ReportSnapshot snapshot = new ReportSnapshot(
                "Firm " + PAYLOADS.get(1),
                null,
                "Client " + PAYLOADS.get(2),
                null,
                "Project " + PAYLOADS.get(3),
                "Web application",
                null,
                null,
                PAYLOADS.stream()
                        .map(p -> new ReportSnapshot.Finding(
                                UUID.randomUUID(),
                                1,
                                "F-1",
                                p,
                                "HIGH",
                                "High",
                                "Open",
                                null,
                                null,
                                "Description " + p,
                                null,
                                null,
                                null,
                                "https://example.test/" + p,
                                List.of(p),
                                List.of()))
                        .toList());
        ReportRenderJob.Claimed claimed = new ReportRenderJob.Claimed(
                UUID.randomUUID(),
                UUID.randomUUID(),
                "Title " + PAYLOADS.get(0),
                PAYLOADS.get(4),
                PAYLOADS.get(5),
                "Summary " + all + "\n\n<img src=\"file:///etc/passwd\"> <script>alert(1)</script>",
                "Scope " + all,
                "Method " + all,
                Instant.now(),
                Reports.JSON.writeValueAsString(snapshot));

        ReportRenderer.Rendered rendered = renderer.render(job.document(claimed, snapshot, Map.of()));

        try (PDDocument document = Loader.loadPDF(rendered.pdf())) {
            // Text extraction breaks long lines; compare without whitespace.
            String text = new PDFTextStripper().getText(document).replaceAll("\\s+", "");
            for (String payload : PAYLOADS) {
                assertThat(text).contains(payload.replaceAll("\\s+", ""));
            }
            assertThat(text).contains("<imgsrc=\"file:///etc/passwd\"><script>alert(1)</script>");
            assertThat(text).doesNotContain("49");
        }
        assertThat(java.nio.file.Files.exists(java.nio.file.Path.of("/tmp/pwned")))
                .isFalse();
    }
}
