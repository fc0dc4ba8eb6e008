package io.bridgehead.reports;

import static org.assertj.core.api.Assertions.assertThat;

import io.bridgehead.clients.ClientLogos;
import io.bridgehead.clients.ClientPortals;
import io.bridgehead.clients.ReportBranding;
import io.bridgehead.findings.FindingEvidence;
import io.bridgehead.findings.FindingForm;
import io.bridgehead.findings.Findings;
import io.bridgehead.findings.Severity;
import io.bridgehead.projects.ProjectStatus;
import io.bridgehead.shared.images.LogoImage;
import io.bridgehead.shared.tenant.ScopedTransactions;
import io.bridgehead.support.ActingAs;
import io.bridgehead.support.IntegrationTest;
import io.bridgehead.support.TestClients;
import io.bridgehead.support.TestWorkspaces;
import io.bridgehead.support.TestWorkspaces.TestWorkspace;
import io.bridgehead.tenancy.PortalBrandings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A project with findings of mixed severities rendered by the real job and read back with PDFBox: order, contents,
 * page numbers, embedded fonts and non-ASCII text; and a version whose data cannot be read fails cleanly.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportRenderingTest {

    static final String CYRILLIC_TITLE = "Уязвимость в модуле входа — café naïve Ærø";

    @Autowired
    TestWorkspaces testWorkspaces;

    @Autowired
    TestClients testClients;

    @Autowired
    Findings findings;

    @Autowired
    Reports reports;

    @Autowired
    FindingEvidence evidence;

    @Autowired
    ClientLogos clientLogos;

    @Autowired
    PortalBrandings brandings;

    @Autowired
    ClientPortals clientPortals;

    @Autowired
    RenderQueue renderQueue;

    @Autowired
    ScopedTransactions transactions;

    @Autowired
    JdbcTemplate jdbc;

    TestWorkspace workspace;
    UUID project;

    @BeforeAll
    void setUp() {
        workspace = testWorkspaces.create("Report rendering");
        UUID client = testClients.create(workspace, "Ørsted & Söhne");
        ActingAs.run(workspace, workspace.admin(), () -> {
            clientLogos.replace(client, TestClients.png(200, 200, java.awt.Color.BLUE), new LogoImage.Crop(0, 0, 200));
            brandings.replaceLogo(TestClients.png(200, 200, java.awt.Color.GREEN), new LogoImage.Crop(0, 0, 200));
        });
        project = testClients.project(workspace, "Perimeter test", client, ProjectStatus.IN_PROGRESS);
        finding("Verbose banner", Severity.LOW);
        UUID sqli = finding("SQL injection in search", Severity.CRITICAL);
        ActingAs.run(
                workspace,
                workspace.admin(),
                () -> evidence.add(
                        project, sqli, "sqlmap-output.png", TestClients.png(640, 400, java.awt.Color.ORANGE)));
        finding(CYRILLIC_TITLE, Severity.MEDIUM);
        finding("Missing security headers", Severity.INFORMATIONAL);
        finding("Stored XSS <script>alert(1)</script>", Severity.HIGH);
    }

    @Test
    void renderedReportListsFindingsBySeverityWithPageNumbersAndEmbeddedFonts() throws IOException {
        UUID version = generate("Penetration test report");
        assertThat(renderQueue.drain()).isGreaterThanOrEqualTo(1);

        ReportVersionView view = ActingAs.call(workspace, workspace.admin(), () -> reports.version(project, version));
        assertThat(view.status()).isEqualTo(ReportStatus.DONE);
        assertThat(view.number()).isPositive();
        byte[] pdf = pdf(version);
        assertThat(view.sizeBytes()).isEqualTo(pdf.length);
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getNumberOfPages()).isEqualTo(view.pageCount()).isBetween(6, 30);
            String text = new PDFTextStripper().getText(document);
            String body = textFrom(document, 4);

            assertThat(text).contains("Ørsted & Söhne", "Perimeter test", "Confidential", "1.0");
            assertThat(text).doesNotContain("Internal note that must not be printed");
            assertThat(body)
                    .containsSubsequence(
                            "F-2 SQL injection in search",
                            "F-5 Stored XSS <script>alert(1)</script>",
                            "F-3 " + CYRILLIC_TITLE,
                            "F-1 Verbose banner",
                            "F-4 Missing security headers");
            String contents = textOfPage(document, 2);
            assertThat(contents).contains("Contents", "Executive summary", "Findings summary");
            assertThat(contents).containsPattern("F-2 SQL injection in search\\s+\\d+");
            assertThat(contents).containsPattern(java.util.regex.Pattern.quote("F-3 " + CYRILLIC_TITLE) + "\\s+\\d+");
            assertThat(text).containsPattern("Page 2 of " + document.getNumberOfPages());
            assertThat(fontsOf(document)).isNotEmpty().allMatch(PDFont::isEmbedded);
            assertThat(fontsOf(document)).anyMatch(f -> f.getName().contains("DejaVuSans"));
            assertThat(text).contains("Evidence", "sqlmap-output.png");
            assertThat(imageCount(document))
                    .as("logos and the evidence image are embedded")
                    .isGreaterThanOrEqualTo(3);
            assertThat(imagesOn(document.getPage(0)))
                    .as("the firm's and the client's logo on the cover")
                    .isEqualTo(2);
        }
        screenshots(pdf);
    }

    @Test
    void versionWhoseDataCannotBeReadFailsWithReasonAndNoPdf() {
        UUID version = generate("Broken data");
        transactions.writeAs(
                workspace.id(),
                () -> jdbc.update(
                        "update report_version set data_snapshot = '{\"findings\": 5}'::jsonb where id = ?", version));

        renderQueue.drain();

        ReportVersionView view = ActingAs.call(workspace, workspace.admin(), () -> reports.version(project, version));
        assertThat(view.status()).isEqualTo(ReportStatus.FAILED);
        assertThat(view.failureReason()).contains("could not be read");
        assertThat(view.pageCount()).isNull();
        assertThat(transactions.readAs(
                        workspace.id(),
                        () -> jdbc.queryForObject(
                                "select pdf is null from report_version where id = ?", Boolean.class, version)))
                .isTrue();
    }

    @Test
    void evidenceRemovedAfterQueueingFailsTheVersionWithItsNameAndNoPdf() {
        UUID other = testClients.project(workspace, "Evidence removal", null, ProjectStatus.IN_PROGRESS);
        UUID finding = finding(other, "Weak TLS", Severity.HIGH);
        UUID file = ActingAs.call(
                workspace,
                workspace.admin(),
                () -> evidence.add(other, finding, "tls-scan.png", TestClients.png(100, 100, java.awt.Color.RED)));
        UUID version = ActingAs.call(
                workspace,
                workspace.admin(),
                () -> reports.generate(
                        other, new GenerateReportCmd("default", "TLS", "1.0", "Confidential", "", "", "")));
        ActingAs.run(workspace, workspace.admin(), () -> evidence.remove(other, finding, file));

        renderQueue.drain();

        ReportVersionView view = ActingAs.call(workspace, workspace.admin(), () -> reports.version(other, version));
        assertThat(view.status()).isEqualTo(ReportStatus.FAILED);
        assertThat(view.failureReason()).contains("tls-scan.png", "F-1", "removed after this version was queued");
        assertThat(view.pageCount()).isNull();
        assertThat(transactions.readAs(
                        workspace.id(),
                        () -> jdbc.queryForObject(
                                "select pdf is null from report_version where id = ?", Boolean.class, version)))
                .isTrue();
    }

    @Test
    void versionAbandonedByADeadNodeIsRenderedAgainButFailsAfterThreeAttempts() {
        UUID retried = generate("Abandoned once");
        UUID hopeless = generate("Abandoned thrice");
        abandon(retried, 1);
        abandon(hopeless, ReportRenderJob.MAX_ATTEMPTS);

        renderQueue.drain();

        ReportVersionView again = ActingAs.call(workspace, workspace.admin(), () -> reports.version(project, retried));
        ReportVersionView failed =
                ActingAs.call(workspace, workspace.admin(), () -> reports.version(project, hopeless));
        assertThat(again.status()).isEqualTo(ReportStatus.DONE);
        assertThat(failed.status()).isEqualTo(ReportStatus.FAILED);
        assertThat(failed.failureReason()).startsWith("Rendering stopped 3 times without finishing");
    }

    /**
     * As if a node had started the version and died: RENDERING, and its job picked by a node whose heartbeat stopped
     * an hour ago, so db-scheduler must notice the dead execution and revive it.
     */
    private void abandon(UUID version, int attempts) {
        transactions.writeAs(
                workspace.id(),
                () -> jdbc.update(
                        "update report_version set status = 'RENDERING', attempts = ? where id = ?",
                        attempts,
                        version));
        int picked = jdbc.update(
                "update scheduled_tasks set picked = true, picked_by = 'node-that-died',"
                        + " last_heartbeat = now() - interval '1 hour' where task_name = ? and task_instance = ?",
                ReportRenderTask.NAME,
                workspace.id() + "/" + version);
        assertThat(picked).isEqualTo(1);
    }

    @Test
    void theClientsReportBrandingDecidesWhichLogosTheCoverShows() throws IOException {
        UUID client = testClients.create(workspace, "Plain Cover Ltd");
        ActingAs.run(workspace, workspace.admin(), () -> {
            clientLogos.replace(client, TestClients.png(200, 200, java.awt.Color.RED), new LogoImage.Crop(0, 0, 200));
            clientPortals.changeReportBranding(client, new ReportBranding(true, false));
        });
        UUID coverProject = testClients.project(workspace, "Cover test", client, ProjectStatus.IN_PROGRESS);

        UUID version = generate(coverProject, "Cover test report");
        renderQueue.drain();

        try (PDDocument document = Loader.loadPDF(pdf(version))) {
            assertThat(imagesOn(document.getPage(0))).as("the firm's logo only").isEqualTo(1);
        }
    }

    @Test
    void anEvidenceImageOfManyPixelsIsEmbeddedScaledDownSoRenderingMemoryStaysBounded() throws IOException {
        // 12 million pixels in a few kilobytes: the PDF engine would decode (and keep) every one of them.
        java.awt.image.BufferedImage large =
                new java.awt.image.BufferedImage(4800, 2500, java.awt.image.BufferedImage.TYPE_BYTE_GRAY);
        byte[] png = TestClients.encode(large, "png");
        UUID other = testClients.project(workspace, "Large evidence", null, ProjectStatus.IN_PROGRESS);
        UUID finding = finding(other, "Screenshot of a wide dashboard", Severity.MEDIUM);
        ActingAs.run(workspace, workspace.admin(), () -> evidence.add(other, finding, "wide.png", png));

        UUID version = generate(other, "Large evidence report");
        renderQueue.drain();

        ReportVersionView view = ActingAs.call(workspace, workspace.admin(), () -> reports.version(other, version));
        assertThat(view.status()).isEqualTo(ReportStatus.DONE);
        try (PDDocument document = Loader.loadPDF(pdf(version))) {
            List<org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject> images = new java.util.ArrayList<>();
            for (PDPage page : document.getPages()) {
                for (var name : page.getResources().getXObjectNames()) {
                    if (page.getResources().getXObject(name)
                            instanceof org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject image) {
                        images.add(image);
                    }
                }
            }
            assertThat(images)
                    .as("the evidence image is embedded, at most 2400 pixels wide")
                    .anySatisfy(image -> {
                        assertThat(image.getWidth()).isEqualTo(2400);
                        assertThat(image.getHeight()).isEqualTo(1250);
                    })
                    .allSatisfy(image -> assertThat(image.getWidth()).isLessThanOrEqualTo(2400));
        }
    }

    @Test
    void versionsAreNumberedPerProject() {
        UUID first = generate("First");
        UUID second = generate("Second");
        List<ReportVersionView> all = ActingAs.call(workspace, workspace.admin(), () -> reports.versions(project));
        int a = all.stream()
                .filter(v -> v.id().equals(first))
                .findFirst()
                .orElseThrow()
                .number();
        int b = all.stream()
                .filter(v -> v.id().equals(second))
                .findFirst()
                .orElseThrow()
                .number();
        assertThat(b).isEqualTo(a + 1);
        renderQueue.drain();
    }

    private UUID generate(String title) {
        return generate(project, title);
    }

    private UUID generate(UUID project, String title) {
        return ActingAs.call(workspace, workspace.admin(), () -> {
            GenerateReportCmd draft = reports.draft(project);
            return reports.generate(
                    project,
                    new GenerateReportCmd(
                            "default",
                            title,
                            "1.0",
                            "Confidential",
                            draft.executiveSummary() + "\n\n**Bold** <img src=x onerror=alert(1)>",
                            draft.scope(),
                            draft.methodology()));
        });
    }

    private byte[] pdf(UUID version) {
        return transactions.readAs(
                workspace.id(),
                () -> jdbc.queryForObject("select pdf from report_version where id = ?", byte[].class, version));
    }

    private UUID finding(String title, Severity severity) {
        return finding(project, title, severity);
    }

    private UUID finding(UUID project, String title, Severity severity) {
        return ActingAs.call(
                workspace,
                workspace.admin(),
                () -> findings.create(
                        project,
                        new FindingForm(
                                title,
                                severity,
                                null,
                                null,
                                null,
                                "Description of *" + title + "*.",
                                "Impact.",
                                "Remediation.",
                                "```\ncurl -i https://example.test/\n```",
                                "https://owasp.org/Top10/",
                                "Internal note that must not be printed",
                                null,
                                List.of())));
    }

    private static String textFrom(PDDocument document, int firstPage) throws IOException {
        PDFTextStripper stripper = new PDFTextStripper();
        stripper.setStartPage(firstPage);
        return stripper.getText(document);
    }

    private static String textOfPage(PDDocument document, int page) throws IOException {
        PDFTextStripper stripper = new PDFTextStripper();
        stripper.setStartPage(page);
        stripper.setEndPage(page);
        return stripper.getText(document);
    }

    private static int imageCount(PDDocument document) throws IOException {
        int images = 0;
        for (PDPage page : document.getPages()) {
            images += imagesOn(page);
        }
        return images;
    }

    private static int imagesOn(PDPage page) throws IOException {
        int images = 0;
        for (var name : page.getResources().getXObjectNames()) {
            if (page.getResources().getXObject(name)
                    instanceof org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject) {
                images++;
            }
        }
        return images;
    }

    private static List<PDFont> fontsOf(PDDocument document) throws IOException {
        List<PDFont> fonts = new ArrayList<>();
        for (PDPage page : document.getPages()) {
            for (var name : page.getResources().getFontNames()) {
                fonts.add(page.getResources().getFont(name));
            }
        }
        return fonts;
    }

    /** The cover and the first findings page as PNG, when poppler's pdftoppm is installed (CI installs it). */
    private static void screenshots(byte[] pdf) throws IOException {
        Path dir = Files.createDirectories(Path.of("target", "screenshots"));
        Path file = dir.resolve("report.pdf");
        Files.write(file, pdf);
        Path pdftoppm = Path.of("/usr/bin/pdftoppm");
        if (!Files.isExecutable(pdftoppm)) {
            return;
        }
        try (PDDocument document = Loader.loadPDF(pdf)) {
            int findingsPage = document.getNumberOfPages();
            for (int page = 1; page <= document.getNumberOfPages(); page++) {
                if (textOfPage(document, page).contains("F-2 SQL injection in search")
                        && !textOfPage(document, page).contains("Contents")
                        && !textOfPage(document, page).contains("Findings summary")) {
                    findingsPage = page;
                    break;
                }
            }
            render(pdftoppm, file, 1, dir.resolve("report-cover"));
            render(pdftoppm, file, findingsPage, dir.resolve("report-finding"));
        }
    }

    private static void render(Path pdftoppm, Path pdf, int page, Path prefix) throws IOException {
        Process process = new ProcessBuilder(
                        pdftoppm.toString(),
                        "-png",
                        "-r",
                        "80",
                        "-singlefile",
                        "-f",
                        String.valueOf(page),
                        "-l",
                        String.valueOf(page),
                        pdf.toString(),
                        prefix.toString())
                .redirectErrorStream(true)
                .start();
        try {
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        assertThat(process.exitValue()).isZero();
        assertThat(Path.of(prefix + ".png")).exists();
    }
}
