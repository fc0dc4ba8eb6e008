package io.bridgehead.findings;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.event.IIOReadWarningListener;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * The kinds of file evidence may be, told apart by their content only: a file name or a declared content type is
 * whatever the uploader claims. Images are decoded to prove they are images; everything not listed is refused.
 */
enum EvidenceType {
    PNG("image/png", true, List.of("png")),
    JPEG("image/jpeg", true, List.of("jpg", "jpeg")),
    PDF("application/pdf", false, List.of("pdf")),
    TEXT("text/plain", false, List.of("txt", "log")),
    ZIP("application/zip", false, List.of("zip"));

    static final int MAX_BYTES = 20 * 1024 * 1024;
    static final int MAX_SIDE = 20_000;
    static final long MAX_PIXELS = 100_000_000L;
    private static final int CHECK_WIDTH = 512;

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A};
    private static final byte[] JPEG_SIGNATURE = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
    private static final byte[] PDF_SIGNATURE = {'%', 'P', 'D', 'F', '-'};
    private static final byte[] ZIP_SIGNATURE = {'P', 'K', 0x03, 0x04};

    private final String mediaType;
    private final boolean inline;
    private final List<String> extensions;

    EvidenceType(String mediaType, boolean inline, List<String> extensions) {
        this.mediaType = mediaType;
        this.inline = inline;
        this.extensions = extensions;
    }

    /** The type as stored (without parameters). */
    String mediaType() {
        return mediaType;
    }

    /** The Content-Type to serve: text always as UTF-8, so a browser never guesses another charset. */
    String servedContentType() {
        return this == TEXT ? "text/plain; charset=UTF-8" : mediaType;
    }

    /** Only checked images are shown in the page; everything else is downloaded. */
    boolean inline() {
        return inline;
    }

    /** The file name with an extension that matches the content, so a saved download opens as what it is. */
    String withMatchingExtension(String name) {
        int dot = name.lastIndexOf('.');
        if (dot > 0 && extensions.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT))) {
            return name;
        }
        return name + "." + extensions.get(0);
    }

    String extension() {
        return extensions.get(0);
    }

    static EvidenceType ofMediaType(String mediaType) {
        for (EvidenceType type : values()) {
            if (type.mediaType.equals(mediaType)) {
                return type;
            }
        }
        throw new IllegalStateException("Unknown evidence media type " + mediaType);
    }

    /** The checked type, or {@link EvidenceRejected} with a message for the user. */
    static EvidenceType check(byte[] content) {
        if (content == null || content.length == 0) {
            throw EvidenceRejected.empty();
        }
        if (content.length > MAX_BYTES) {
            throw EvidenceRejected.tooManyBytes();
        }
        if (startsWith(content, PNG_SIGNATURE)) {
            verifyImage(content, "png");
            return PNG;
        }
        if (startsWith(content, JPEG_SIGNATURE)) {
            verifyImage(content, "jpeg");
            return JPEG;
        }
        if (startsWith(content, PDF_SIGNATURE)) {
            return PDF;
        }
        if (startsWith(content, ZIP_SIGNATURE)) {
            return ZIP;
        }
        if (isPlainText(content)) {
            if (startsWithMarkupOrScript(content)) {
                throw EvidenceRejected.markup();
            }
            return TEXT;
        }
        throw EvidenceRejected.typeNotAccepted();
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        return bytes.length >= prefix.length && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
    }

    /** Valid UTF-8 without NUL bytes (binary files nearly always have some; UTF-16 text always does). */
    private static boolean isPlainText(byte[] content) {
        for (byte b : content) {
            if (b == 0) {
                return false;
            }
        }
        try {
            StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    // HTML, SVG and XML start with '<' (after a BOM and blank space); scripts with "#!". Both are refused although
    // text is only ever served as a text/plain download: saved and opened locally, they would run.
    private static boolean startsWithMarkupOrScript(byte[] content) {
        int i = startsWith(content, new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}) ? 3 : 0;
        while (i < content.length && Character.isWhitespace(content[i])) {
            i++;
        }
        if (i >= content.length) {
            return false;
        }
        return content[i] == '<' || (content[i] == '#' && i + 1 < content.length && content[i + 1] == '!');
    }

    // Decodes the whole image (every row, subsampled so memory stays small) to prove it is one; a file that only
    // starts like a PNG or JPEG is refused.
    private static void verifyImage(byte[] content, String format) {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format);
        if (!readers.hasNext()) {
            throw new IllegalStateException("No ImageIO reader for " + format);
        }
        ImageReader reader = readers.next();
        // In memory: ImageIO.createImageInputStream may spool the upload to a temporary file.
        try (ImageInputStream input = new MemoryCacheImageInputStream(new ByteArrayInputStream(content))) {
            reader.setInput(input, true, true);
            Rectangle bounds = new Rectangle(reader.getWidth(0), reader.getHeight(0));
            if (bounds.width <= 0 || bounds.height <= 0) {
                throw EvidenceRejected.unreadableImage();
            }
            if (bounds.width > MAX_SIDE
                    || bounds.height > MAX_SIDE
                    || (long) bounds.width * bounds.height > MAX_PIXELS) {
                throw EvidenceRejected.imageTooLarge();
            }
            Warnings warnings = new Warnings();
            reader.addIIOReadWarningListener(warnings);
            ImageReadParam param = reader.getDefaultReadParam();
            int step = Math.max(1, Math.max(bounds.width, bounds.height) / CHECK_WIDTH);
            param.setSourceSubsampling(step, step, 0, 0);
            BufferedImage image = reader.read(0, param);
            // The JPEG reader only warns about a truncated or corrupt file and fills the gap with grey.
            if (image == null || warnings.occurred) {
                throw EvidenceRejected.unreadableImage();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof EvidenceRejected rejected) {
                throw rejected;
            }
            throw EvidenceRejected.unreadableImage(e);
        } finally {
            reader.dispose();
        }
    }

    private static final class Warnings implements IIOReadWarningListener {

        private boolean occurred;

        @Override
        public void warningOccurred(ImageReader source, String warning) {
            occurred = true;
        }
    }
}
