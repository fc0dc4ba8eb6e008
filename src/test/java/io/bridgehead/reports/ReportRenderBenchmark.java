package io.bridgehead.reports;

import static org.assertj.core.api.Assertions.assertThat;

import io.bridgehead.shared.web.Markdown;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A 300-finding report, each finding with a screenshot, through the render job's model building and the real renderer (no database: the job holds no
 * connection while it lays out): wall time, pages, size and peak heap. Prints the figures and appends them to
 * {@code bench/results.txt}. Asserts no time.
 *
 * <p>Not part of {@code mvn verify} (tag {@code benchmark}); run it with {@code bench/report-render.sh}.
 */
@Tag("benchmark")
class ReportRenderBenchmark {

    private static final int FINDINGS = Integer.getInteger("bench.findings", 300);
    private static final String[] SEVERITIES = {"CRITICAL", "HIGH", "MEDIUM", "LOW", "INFORMATIONAL"};
    private static final String[] LABELS = {"Critical", "High", "Medium", "Low", "Informational"};

    @Test
    void renderLargeReport() throws IOException {
        ReportRenderer renderer = new ReportRenderer();
        ReportRenderJob job = new ReportRenderJob(null, null, renderer, new Markdown(), null, Clock.systemUTC());
        ReportRenderJob.Claimed claimed = claimed(FINDINGS);

        // One small warm-up report loads fonts, templates and classes, as a running server already has.
        ReportRenderJob.Claimed warmUp = claimed(5);
        renderer.render(document(job, warmUp, screenshots(warmUp)));
        java.util.Map<UUID, byte[]> images = screenshots(claimed);
        System.gc();
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP)
                .toList();
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);

        long start = System.nanoTime();
        ReportRenderer.Rendered rendered = renderer.render(document(job, claimed, images));
        long millis = (System.nanoTime() - start) / 1_000_000;
        long peakMb = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum() / (1024 * 1024);

        String line = String.format(
                Locale.ROOT,
                "%s report-render: %d findings, %d pages, %d KB, %d ms, peak heap %d MB (max heap %d MB, %s)%n",
                Instant.now(),
                FINDINGS,
                rendered.pages(),
                rendered.pdf().length / 1024,
                millis,
                peakMb,
                Runtime.getRuntime().maxMemory() / (1024 * 1024),
                System.getProperty("java.version"));
        System.out.print(line);
        Files.writeString(
                Path.of("bench", "results.txt"),
                line,
                StandardCharsets.UTF_8,
                StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
        Path out = Files.createDirectories(Path.of("target", "bench"));
        Files.write(out.resolve("report-render.pdf"), rendered.pdf());
        assertThat(rendered.pages()).isGreaterThan(FINDINGS / 3);
    }

    /** As the job does: the snapshot, then each finding's own screenshot (a distinct 1280×800 PNG each). */
    private static ReportDocument document(
            ReportRenderJob job, ReportRenderJob.Claimed claimed, java.util.Map<UUID, byte[]> images) {
        return job.document(claimed, ReportRenderJob.snapshotOf(claimed), images);
    }

    /** What the job's read of the evidence returns; made before the clock starts. */
    private static java.util.Map<UUID, byte[]> screenshots(ReportRenderJob.Claimed claimed) {
        java.util.Map<UUID, byte[]> images = new java.util.HashMap<>();
        List<UUID> ids = ReportRenderJob.embeddedImageIds(ReportRenderJob.snapshotOf(claimed));
        for (int i = 0; i < ids.size(); i++) {
            images.put(ids.get(i), screenshot(i));
        }
        return images;
    }

    private static final int SCREENSHOT_BYTES = screenshot(0).length;

    private static byte[] screenshot(int n) {
        java.awt.image.BufferedImage image =
                new java.awt.image.BufferedImage(1280, 800, java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = image.createGraphics();
        for (int y = 0; y < 800; y += 40) {
            g.setColor(new java.awt.Color((y * 7) % 255, 120, 200 - y / 5));
            g.fillRect(0, y, 1280, 40);
        }
        g.setColor(java.awt.Color.WHITE);
        g.drawString("Burp Suite #" + n + ": HTTP/1.1 200 OK <script>alert(1)</script>", 40, 60 + n % 600);
        g.dispose();
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try {
            javax.imageio.ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static ReportRenderJob.Claimed claimed(int count) {
        List<ReportSnapshot.Finding> findings = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int s = i * SEVERITIES.length / count;
            findings.add(new ReportSnapshot.Finding(
                    UUID.randomUUID(),
                    1,
                    "F-" + (i + 1),
                    "Finding " + (i + 1) + ": reflected input in parameter q — Обход проверки",
                    SEVERITIES[s],
                    LABELS[s],
                    "Open",
                    "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H",
                    "9.8",
                    paragraph("The application reflects user input without encoding. ", 6),
                    paragraph("An attacker can run script in a victim's session. ", 3),
                    "1. Encode output.\n2. Set a strict Content-Security-Policy.\n3. Validate input.",
                    "```\nGET /search?q=%3Cscript%3E HTTP/1.1\nHost: app.example.test\n```\n\n"
                            + paragraph("The response echoed the payload. ", 4),
                    "https://owasp.org/www-community/attacks/xss/\nhttps://cwe.mitre.org/data/definitions/79.html",
                    List.of("app.example.test", "10.0.0." + (i % 250)),
                    List.of(new ReportSnapshot.Image(
                            UUID.randomUUID(), "screenshot-" + (i + 1) + ".png", "image/png", SCREENSHOT_BYTES))));
        }
        ReportSnapshot snapshot = new ReportSnapshot(
                "Benchmark Security Ltd",
                null,
                "Client GmbH",
                null,
                "Large web test",
                "Web application",
                "2026-10-01",
                "2026-10-31",
                findings);
        return new ReportRenderJob.Claimed(
                UUID.randomUUID(),
                UUID.randomUUID(),
                "Penetration test report",
                "1.0",
                "Confidential",
                paragraph("The assessment found many issues. ", 10),
                "- app.example.test\n- api.example.test",
                "OWASP Testing Guide.",
                Instant.now(),
                Reports.JSON.writeValueAsString(snapshot));
    }

    private static String paragraph(String sentence, int times) {
        return sentence.repeat(times).strip();
    }
}
