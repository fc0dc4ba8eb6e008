package io.bridgehead.shared.images;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.web.multipart.MultipartFile;

/** The logo part of a form: the file and the square the user chose in the crop box (source pixels). */
public record LogoUpload(MultipartFile file, Integer cropX, Integer cropY, Integer cropSize) {

    public boolean present() {
        return file != null && !file.isEmpty();
    }

    /** The uploaded bytes; refused before reading when the file is larger than a logo may be. */
    public byte[] bytes() {
        if (!present()) {
            throw LogoRejected.empty();
        }
        if (file.getSize() > LogoImage.MAX_BYTES) {
            throw LogoRejected.tooManyBytes();
        }
        try {
            return file.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public LogoImage.Crop crop() {
        if (cropX == null || cropY == null || cropSize == null) {
            return null;
        }
        return new LogoImage.Crop(cropX, cropY, cropSize);
    }
}
