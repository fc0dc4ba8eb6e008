package io.bridgehead.shared.images;

/** A logo upload that cannot be used. The message is a sentence to show the user as it is. */
public final class LogoRejected extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private LogoRejected(String message) {
        super(message);
    }

    private LogoRejected(String message, Throwable cause) {
        super(message, cause);
    }

    public static LogoRejected empty() {
        return new LogoRejected("Choose an image file to upload.");
    }

    public static LogoRejected tooManyBytes() {
        return new LogoRejected("The logo must be at most 2 MB.");
    }

    public static LogoRejected notPngOrJpeg() {
        return new LogoRejected("Upload a PNG or JPEG image.");
    }

    public static LogoRejected tooLarge() {
        return new LogoRejected("This image is too large: at most 8000 × 8000 pixels.");
    }

    public static LogoRejected tooSmall() {
        return new LogoRejected("This image is too small: at least 16 × 16 pixels.");
    }

    public static LogoRejected unreadable() {
        return new LogoRejected("This image could not be read. Upload a valid PNG or JPEG.");
    }

    public static LogoRejected unreadable(Throwable cause) {
        return new LogoRejected("This image could not be read. Upload a valid PNG or JPEG.", cause);
    }

    public static LogoRejected cropOutside() {
        return new LogoRejected("The crop area lies outside the image.");
    }
}
