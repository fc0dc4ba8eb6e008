package io.bridgehead.reports;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Evidence images as the PDF embeds them: at most {@value #MAX_SIDE} pixels on their longer side. Evidence may be up
 * to 100 million pixels in a few kilobytes of PNG; the PDF engine decodes an image whole, so such a file would take
 * hundreds of megabytes of heap per report. Larger images are decoded with subsampling (memory stays bounded by the
 * output size) and re-encoded as PNG; a page is 210 mm wide, so nothing visible is lost.
 */
final class ReportImages {

    static final int MAX_SIDE = 2400;

    /** An image ready to embed: its media type and bytes. */
    record Embeddable(String mediaType, byte[] bytes) {}

    private ReportImages() {}

    static Embeddable fitted(String mediaType, byte[] bytes) {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByMIMEType(mediaType);
        if (!readers.hasNext()) {
            throw new IllegalStateException("No ImageIO reader for " + mediaType);
        }
        ImageReader reader = readers.next();
        try (ImageInputStream input = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
            reader.setInput(input, true, true);
            Rectangle bounds = new Rectangle(reader.getWidth(0), reader.getHeight(0));
            int longer = Math.max(bounds.width, bounds.height);
            if (longer <= MAX_SIDE) {
                return new Embeddable(mediaType, bytes);
            }
            ImageReadParam param = reader.getDefaultReadParam();
            int step = (longer + MAX_SIDE - 1) / MAX_SIDE;
            param.setSourceSubsampling(step, step, 0, 0);
            return new Embeddable("image/png", png(reader.read(0, param)));
        } catch (IOException | RuntimeException e) {
            throw new ReportRenderJob.ReportCannotBeMade("An evidence image could not be read, so no PDF was made.", e);
        } finally {
            reader.dispose();
        }
    }

    private static byte[] png(BufferedImage image) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream output = new MemoryCacheImageOutputStream(out)) {
            if (!ImageIO.write(image, "png", output)) {
                throw new IOException("No PNG writer");
            }
        }
        return out.toByteArray();
    }
}
