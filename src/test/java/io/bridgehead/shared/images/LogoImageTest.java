package io.bridgehead.shared.images;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.bridgehead.shared.images.LogoImage.Crop;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LogoImageTest {

    static final String NOT_PNG_OR_JPEG = "Upload a PNG or JPEG image.";
    static final String UNREADABLE = "This image could not be read. Upload a valid PNG or JPEG.";
    static final String TOO_LARGE = "This image is too large: at most 8000 × 8000 pixels.";
    static final String CROP_OUTSIDE = "The crop area lies outside the image.";

    @Test
    void aValidPngBecomesA256PixelPng() {
        byte[] logo = LogoImage.process(png(solid(300, 200, Color.GREEN)), null);

        assertThat(LogoImage.isPng(logo)).isTrue();
        BufferedImage result = decoded(logo);
        assertThat(result.getWidth()).isEqualTo(LogoImage.OUTPUT_SIZE);
        assertThat(result.getHeight()).isEqualTo(LogoImage.OUTPUT_SIZE);
    }

    @Test
    void aValidJpegBecomesAnOpaque256PixelPng() {
        byte[] logo = LogoImage.process(jpeg(solid(640, 480, Color.GREEN)), null);

        assertThat(LogoImage.isPng(logo)).isTrue();
        BufferedImage result = decoded(logo);
        assertThat(result.getWidth()).isEqualTo(256);
        assertThat(result.getHeight()).isEqualTo(256);
        assertThat(alpha(result.getRGB(128, 128))).isEqualTo(255);
    }

    @Test
    void aLargePhotoIsScaledDownToTheSameSize() {
        byte[] logo = LogoImage.process(jpeg(halves(4000, 3000, Color.RED, Color.BLUE)), null);

        BufferedImage result = decoded(logo);
        assertThat(result.getWidth()).isEqualTo(256);
        assertThat(result.getRGB(20, 128) & 0xFF0000).isGreaterThan(0xE00000);
        assertThat(result.getRGB(235, 128) & 0xFF).isGreaterThan(0xE0);
    }

    @Test
    void theCropIsApplied() {
        BufferedImage halves = halves(200, 100, Color.RED, Color.BLUE);

        BufferedImage right = decoded(LogoImage.process(png(halves), new Crop(100, 0, 100)));
        BufferedImage left = decoded(LogoImage.process(png(halves), new Crop(0, 0, 100)));

        for (int[] point : new int[][] {{0, 0}, {128, 128}, {255, 255}, {0, 255}}) {
            assertThat(right.getRGB(point[0], point[1]) & 0xFFFFFF).isEqualTo(0x0000FF);
            assertThat(left.getRGB(point[0], point[1]) & 0xFFFFFF).isEqualTo(0xFF0000);
        }
    }

    @Test
    void withoutACropTheCentredSquareIsUsed() {
        BufferedImage image = solid(300, 100, Color.RED);
        fill(image, 100, 0, 100, 100, Color.BLUE);

        BufferedImage result = decoded(LogoImage.process(png(image), null));

        assertThat(result.getRGB(0, 0) & 0xFFFFFF).isEqualTo(0x0000FF);
        assertThat(result.getRGB(255, 255) & 0xFFFFFF).isEqualTo(0x0000FF);
    }

    @Test
    void pngTransparencyIsKept() {
        BufferedImage image = new BufferedImage(64, 64, BufferedImage.TYPE_INT_ARGB);
        fill(image, 0, 0, 32, 64, Color.RED);

        BufferedImage result = decoded(LogoImage.process(png(image), null));

        assertThat(alpha(result.getRGB(10, 128))).isEqualTo(255);
        assertThat(alpha(result.getRGB(245, 128))).isZero();
    }

    @Test
    void svgWithAScriptNamedPngIsRefused() {
        byte[] svg = "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>".getBytes(US_ASCII);

        assertRefused(svg, NOT_PNG_OR_JPEG);
    }

    @Test
    void gifIsRefused() throws IOException {
        ByteArrayOutputStream gif = new ByteArrayOutputStream();
        ImageIO.write(solid(64, 64, Color.RED), "gif", gif);

        assertRefused(gif.toByteArray(), NOT_PNG_OR_JPEG);
    }

    @Test
    void htmlIsRefused() {
        assertRefused("<!doctype html><html><body onload=alert(1)></body></html>".getBytes(US_ASCII), NOT_PNG_OR_JPEG);
    }

    @Test
    void pdfIsRefused() {
        assertRefused("%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\n".getBytes(US_ASCII), NOT_PNG_OR_JPEG);
    }

    @Test
    void aPngSignatureFollowedByHtmlIsRefusedAsUnreadable() {
        byte[] polyglot = concat(signature(), "<html><script>alert(1)</script></html>".getBytes(US_ASCII));

        assertRefused(polyglot, UNREADABLE);
    }

    @Test
    void aDecompressionBombIsRefusedFromItsHeaderWithoutDecoding() {
        byte[] bomb = concat(signature(), ihdr(100_000, 100_000), chunk("IEND", new byte[0]));

        assertTimeoutPreemptively(Duration.ofSeconds(2), () -> assertRefused(bomb, TOO_LARGE));
    }

    @Test
    void anImageAboveFortyMegapixelsIsRefusedEvenWithinTheSideLimit() {
        byte[] announced = concat(signature(), ihdr(7000, 6000), chunk("IEND", new byte[0]));

        assertRefused(announced, TOO_LARGE);
    }

    @Test
    void aTinyImageIsRefused() {
        assertRefused(png(solid(15, 64, Color.RED)), "This image is too small: at least 16 × 16 pixels.");
    }

    @Test
    void jpegExifCommentAndTrailingBytesAreNotCarriedOver() {
        byte[] jpeg = jpeg(solid(64, 64, Color.GREEN));
        byte[] withMetadata = concat(
                afterJfifHeader(jpeg, exifSegment("secret-marker"), commentSegment("secret-marker")),
                "trailing-marker".getBytes(US_ASCII));
        assertThat(text(withMetadata)).contains("secret-marker");

        byte[] logo = LogoImage.process(withMetadata, null);

        assertThat(text(logo)).doesNotContain("secret-marker").doesNotContain("trailing-marker");
    }

    @Test
    void pngTextChunksAndBytesAfterIendAreNotCarriedOver() {
        byte[] png = png(solid(64, 64, Color.GREEN));
        byte[] text = chunk("tEXt", "Comment\0secret-marker".getBytes(ISO_8859_1));
        int afterIhdr = 8 + 25;
        byte[] withText = concat(
                Arrays.copyOfRange(png, 0, afterIhdr),
                text,
                Arrays.copyOfRange(png, afterIhdr, png.length),
                "trailing-marker".getBytes(US_ASCII));

        byte[] logo = LogoImage.process(withText, null);

        assertThat(text(logo))
                .doesNotContain("secret-marker")
                .doesNotContain("trailing-marker")
                .doesNotContain("tEXt");
        assertThat(text(Arrays.copyOfRange(logo, logo.length - 8, logo.length - 4)))
                .as("the output ends with its IEND chunk")
                .isEqualTo("IEND");
    }

    @Test
    void moreThanTwoMegabytesIsRefused() {
        byte[] big = Arrays.copyOf(signature(), LogoImage.MAX_BYTES + 1);

        assertRefused(big, "The logo must be at most 2 MB.");
    }

    @Test
    void anEmptyUploadIsRefused() {
        assertRefused(new byte[0], "Choose an image file to upload.");
        assertRefused(null, "Choose an image file to upload.");
    }

    @ParameterizedTest
    @CsvSource({"-1, 0, 50", "0, -1, 50", "0, 0, 15", "60, 0, 50", "0, 60, 50", "0, 0, 101", "2147483647, 0, 16"})
    void aCropOutsideTheImageIsRefused(int x, int y, int size) {
        byte[] png = png(solid(100, 100, Color.RED));

        assertThatThrownBy(() -> LogoImage.process(png, new Crop(x, y, size)))
                .isInstanceOf(LogoRejected.class)
                .hasMessage(CROP_OUTSIDE);
    }

    @Test
    void aTruncatedJpegIsRefusedAsUnreadable() {
        byte[] jpeg = jpeg(noise(200, 200));

        assertRefused(Arrays.copyOf(jpeg, jpeg.length / 2), UNREADABLE);
    }

    @Test
    void aTruncatedPngIsRefusedAsUnreadable() {
        byte[] png = png(noise(200, 200));

        assertRefused(Arrays.copyOf(png, png.length / 2), UNREADABLE);
    }

    @Test
    void aJpegSignatureFollowedByGarbageIsRefusedAsUnreadable() {
        byte[] garbage = concat(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}, "<script>".getBytes(US_ASCII));

        assertRefused(garbage, UNREADABLE);
    }

    private static void assertRefused(byte[] upload, String message) {
        assertThatThrownBy(() -> LogoImage.process(upload, null))
                .isInstanceOf(LogoRejected.class)
                .hasMessage(message);
    }

    private static BufferedImage solid(int width, int height, Color color) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        fill(image, 0, 0, width, height, color);
        return image;
    }

    private static BufferedImage halves(int width, int height, Color left, Color right) {
        BufferedImage image = solid(width, height, left);
        fill(image, width / 2, 0, width - width / 2, height, right);
        return image;
    }

    private static BufferedImage noise(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Random random = new Random(42);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, random.nextInt(0x1000000));
            }
        }
        return image;
    }

    private static void fill(BufferedImage image, int x, int y, int width, int height, Color color) {
        Graphics2D graphics = image.createGraphics();
        graphics.setColor(color);
        graphics.fillRect(x, y, width, height);
        graphics.dispose();
    }

    private static int alpha(int argb) {
        return argb >>> 24;
    }

    private static byte[] png(BufferedImage image) {
        return encoded(image, "png");
    }

    private static byte[] jpeg(BufferedImage image) {
        return encoded(image, "jpeg");
    }

    private static byte[] encoded(BufferedImage image, String format) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            assertThat(ImageIO.write(image, format, bytes)).isTrue();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static BufferedImage decoded(byte[] png) {
        try {
            return ImageIO.read(new ByteArrayInputStream(png));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] signature() {
        return new byte[] {(byte) 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A};
    }

    private static byte[] ihdr(int width, int height) {
        // 8-bit RGBA, deflate, adaptive filtering, not interlaced
        ByteBuffer data = ByteBuffer.allocate(13)
                .putInt(width)
                .putInt(height)
                .put((byte) 8)
                .put((byte) 6)
                .put((byte) 0)
                .put((byte) 0)
                .put((byte) 0);
        return chunk("IHDR", data.array());
    }

    private static byte[] chunk(String type, byte[] data) {
        byte[] typeBytes = type.getBytes(US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        return ByteBuffer.allocate(12 + data.length)
                .putInt(data.length)
                .put(typeBytes)
                .put(data)
                .putInt((int) crc.getValue())
                .array();
    }

    private static byte[] exifSegment(String payload) {
        return segment(0xE1, concat("Exif\0\0".getBytes(US_ASCII), payload.getBytes(US_ASCII)));
    }

    private static byte[] commentSegment(String comment) {
        return segment(0xFE, comment.getBytes(US_ASCII));
    }

    private static byte[] segment(int marker, byte[] data) {
        return ByteBuffer.allocate(4 + data.length)
                .put((byte) 0xFF)
                .put((byte) marker)
                .putShort((short) (data.length + 2))
                .put(data)
                .array();
    }

    // ImageIO writes SOI then the JFIF APP0 segment; further segments go right after it.
    private static byte[] afterJfifHeader(byte[] jpeg, byte[]... segments) {
        assertThat(jpeg[3] & 0xFF).isEqualTo(0xE0);
        int end = 4 + (((jpeg[4] & 0xFF) << 8) | (jpeg[5] & 0xFF));
        return concat(Arrays.copyOfRange(jpeg, 0, end), concat(segments), Arrays.copyOfRange(jpeg, end, jpeg.length));
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            all.writeBytes(part);
        }
        return all.toByteArray();
    }

    private static String text(byte[] bytes) {
        return new String(bytes, ISO_8859_1);
    }
}
