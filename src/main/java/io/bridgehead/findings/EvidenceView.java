package io.bridgehead.findings;

import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

/** One evidence file of a finding, as listed on the finding's page. */
public record EvidenceView(UUID id, String fileName, String mediaType, long sizeBytes, Instant uploadedAt) {

    /** A checked PNG or JPEG, shown in the page. */
    public boolean image() {
        return EvidenceType.ofMediaType(mediaType).inline();
    }

    public String sizeLabel() {
        if (sizeBytes < 1024) {
            return sizeBytes + " B";
        }
        if (sizeBytes < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.0f KB", sizeBytes / 1024.0);
        }
        return String.format(Locale.ROOT, "%.1f MB", sizeBytes / (1024.0 * 1024.0));
    }
}
