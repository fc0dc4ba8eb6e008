package io.bridgehead.findings;

/** An evidence upload that cannot be kept. The message is a sentence to show the user as it is. */
public final class EvidenceRejected extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private EvidenceRejected(String message) {
        super(message);
    }

    private EvidenceRejected(String message, Throwable cause) {
        super(message, cause);
    }

    static EvidenceRejected empty() {
        return new EvidenceRejected("Choose a file to upload; empty files cannot be evidence.");
    }

    static EvidenceRejected tooManyBytes() {
        return new EvidenceRejected("Evidence files can be at most 20 MB.");
    }

    static EvidenceRejected typeNotAccepted() {
        return new EvidenceRejected("This kind of file cannot be evidence. Upload a PNG or JPEG image, a PDF,"
                + " a plain-text file or a ZIP archive.");
    }

    static EvidenceRejected markup() {
        return new EvidenceRejected("HTML, SVG, XML and scripts cannot be evidence. Put them in a ZIP archive,"
                + " or save them as plain text that does not start with markup.");
    }

    static EvidenceRejected unreadableImage() {
        return new EvidenceRejected("This image could not be read. Upload a valid PNG or JPEG.");
    }

    static EvidenceRejected unreadableImage(Throwable cause) {
        return new EvidenceRejected("This image could not be read. Upload a valid PNG or JPEG.", cause);
    }

    static EvidenceRejected imageTooLarge() {
        return new EvidenceRejected("This image is too large: at most 20,000 × 20,000 and 100 million pixels.");
    }
}
