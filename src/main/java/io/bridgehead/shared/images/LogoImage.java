package io.bridgehead.shared.images;

import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriter;
import javax.imageio.event.IIOReadWarningListener;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * A logo upload (a client's, or a workspace's portal logo) turned into what Bridgehead stores: a square 256×256 PNG,
 * re-encoded from the decoded pixels so nothing of the uploaded file (metadata, comments, appended bytes) survives.
 */
public final class LogoImage {

    public static final int MAX_BYTES = 2 * 1024 * 1024;
    public static final int OUTPUT_SIZE = 256;
    static final int MAX_SIDE = 8000;
    static final long MAX_PIXELS = 40_000_000L;
    static final int MIN_SIDE = 16;

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A};
    private static final byte[] JPEG_SIGNATURE = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};

    /** A square in source-image pixels; {@code null} in {@link #process} means the centred largest square. */
    public record Crop(int x, int y, int size) {}

    private LogoImage() {}

    /** Returns the logo as PNG bytes, or throws {@link LogoRejected} with a message for the user. */
    public static byte[] process(byte[] upload, Crop crop) {
        checkByteSize(upload);
        String format = formatOf(upload);
        BufferedImage square = readSquare(upload, format, crop);
        return encodePng(scaleToOutput(square));
    }

    public static boolean isPng(byte[] bytes) {
        return startsWith(bytes, PNG_SIGNATURE);
    }

    private static boolean isJpeg(byte[] bytes) {
        return startsWith(bytes, JPEG_SIGNATURE);
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        if (bytes == null || bytes.length < prefix.length) {
            return false;
        }
        return Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
    }

    private static void checkByteSize(byte[] upload) {
        if (upload == null || upload.length == 0) {
            throw LogoRejected.empty();
        }
        if (upload.length > MAX_BYTES) {
            throw LogoRejected.tooManyBytes();
        }
    }

    // The content decides the type; a file name or declared content type is whatever the client claims.
    private static String formatOf(byte[] upload) {
        if (isPng(upload)) {
            return "png";
        }
        if (isJpeg(upload)) {
            return "jpeg";
        }
        throw LogoRejected.notPngOrJpeg();
    }

    private static BufferedImage readSquare(byte[] upload, String format, Crop requested) {
        ImageReader reader = readerFor(format);
        // In memory: ImageIO.createImageInputStream may spool the upload to a temporary file.
        try (ImageInputStream input = new MemoryCacheImageInputStream(new ByteArrayInputStream(upload))) {
            reader.setInput(input, true, true);
            Rectangle bounds = headerBounds(reader);
            checkDimensions(bounds);
            Crop crop = requested == null ? centredSquare(bounds) : inside(requested, bounds);
            return decode(reader, crop);
        } catch (IOException e) {
            throw LogoRejected.unreadable(e);
        } finally {
            reader.dispose();
        }
    }

    private static ImageReader readerFor(String format) {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format);
        if (!readers.hasNext()) {
            throw new IllegalStateException("No ImageIO reader for " + format);
        }
        return readers.next();
    }

    // Reads only the header, so an image announcing huge dimensions is refused before its pixels are allocated.
    private static Rectangle headerBounds(ImageReader reader) {
        try {
            return new Rectangle(reader.getWidth(0), reader.getHeight(0));
        } catch (IOException | RuntimeException e) {
            throw LogoRejected.unreadable(e);
        }
    }

    private static void checkDimensions(Rectangle bounds) {
        if (bounds.width > MAX_SIDE || bounds.height > MAX_SIDE) {
            throw LogoRejected.tooLarge();
        }
        if ((long) bounds.width * bounds.height > MAX_PIXELS) {
            throw LogoRejected.tooLarge();
        }
        if (bounds.width < MIN_SIDE || bounds.height < MIN_SIDE) {
            throw LogoRejected.tooSmall();
        }
    }

    private static Crop centredSquare(Rectangle bounds) {
        int size = Math.min(bounds.width, bounds.height);
        return new Crop((bounds.width - size) / 2, (bounds.height - size) / 2, size);
    }

    private static Crop inside(Crop crop, Rectangle bounds) {
        boolean fits = crop.x() >= 0
                && crop.y() >= 0
                && crop.size() >= MIN_SIDE
                && (long) crop.x() + crop.size() <= bounds.width
                && (long) crop.y() + crop.size() <= bounds.height;
        if (!fits) {
            throw LogoRejected.cropOutside();
        }
        return crop;
    }

    private static BufferedImage decode(ImageReader reader, Crop crop) {
        Warnings warnings = new Warnings();
        reader.addIIOReadWarningListener(warnings);
        BufferedImage image;
        try {
            image = reader.read(0, readParam(reader, crop));
        } catch (IOException | RuntimeException e) {
            throw LogoRejected.unreadable(e);
        }
        // The JPEG reader only warns about a truncated or corrupt file and fills the gap with grey.
        if (image == null || warnings.occurred) {
            throw LogoRejected.unreadable();
        }
        return image;
    }

    // Decodes only the crop, and skips pixels a 256-pixel logo cannot use, so memory stays small for big photos.
    private static ImageReadParam readParam(ImageReader reader, Crop crop) {
        ImageReadParam param = reader.getDefaultReadParam();
        param.setSourceRegion(new Rectangle(crop.x(), crop.y(), crop.size(), crop.size()));
        int step = Math.max(1, crop.size() / (2 * OUTPUT_SIZE));
        param.setSourceSubsampling(step, step, 0, 0);
        return param;
    }

    // Halving step by step keeps detail that a single bicubic pass over a large reduction would lose.
    private static BufferedImage scaleToOutput(BufferedImage square) {
        BufferedImage current = square;
        while (current.getWidth() >= 2 * OUTPUT_SIZE) {
            current = resized(current, current.getWidth() / 2);
        }
        return resized(current, OUTPUT_SIZE);
    }

    private static BufferedImage resized(BufferedImage source, int side) {
        BufferedImage canvas = new BufferedImage(side, side, BufferedImage.TYPE_INT_ARGB);
        Graphics2D graphics = canvas.createGraphics();
        try {
            graphics.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
            graphics.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            graphics.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            graphics.drawImage(source, 0, 0, side, side, null);
        } finally {
            graphics.dispose();
        }
        return canvas;
    }

    private static byte[] encodePng(BufferedImage image) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        // In memory for the same reason as the input: no temporary files.
        try (ImageOutputStream output = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(output);
            writer.write(image);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    private static final class Warnings implements IIOReadWarningListener {

        private boolean occurred;

        @Override
        public void warningOccurred(ImageReader source, String warning) {
            occurred = true;
        }
    }
}
