package io.bridgehead.clients;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.web.multipart.MultipartFile;

/** The logo part of a form: the file and the square the user chose in the crop box (source pixels). */
record LogoUpload(MultipartFile file, Integer cropX, Integer cropY, Integer cropSize) {

    boolean present() {
        return file != null && !file.isEmpty();
    }

    /** The uploaded bytes; refused before reading when the file is larger than a logo may be. */
    byte[] bytes() {
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

    LogoImage.Crop crop() {
        if (cropX == null || cropY == null || cropSize == null) {
            return null;
        }
        return new LogoImage.Crop(cropX, cropY, cropSize);
    }
}
