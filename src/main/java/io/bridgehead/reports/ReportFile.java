package io.bridgehead.reports;

import io.bridgehead.shared.web.ContentDispositions;
import java.util.regex.Pattern;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** A report version's PDF with the name it is offered under, e.g. {@code Acme - Web test - v3.pdf}. */
public record ReportFile(String fileName, byte[] bytes) {

    private static final Pattern UNWANTED = Pattern.compile("[\\p{Cc}\\p{Cf}\\p{Zl}\\p{Zp}/\\\\:*?\"<>|]");
    private static final int MAX_BASE = 200;

    static ReportFile of(String clientName, String projectName, int number, byte[] bytes) {
        String base = (clientName == null ? "" : clean(clientName) + " - ") + clean(projectName) + " - v" + number;
        if (base.length() > MAX_BASE) {
            int keep = Character.isHighSurrogate(base.charAt(MAX_BASE - 1)) ? MAX_BASE - 1 : MAX_BASE;
            base = base.substring(0, keep);
        }
        return new ReportFile(base + ".pdf", bytes);
    }

    // Path separators, characters Windows refuses and invisible formatting (no right-to-left override) go.
    private static String clean(String part) {
        String cleaned =
                UNWANTED.matcher(part).replaceAll(" ").replaceAll("\\s+", " ").strip();
        cleaned = cleaned.replaceFirst("^\\.+", "").strip();
        return cleaned.isEmpty() ? "Report" : cleaned;
    }

    /** A download, never sniffed, never cached. */
    public ResponseEntity<byte[]> response() {
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .contentLength(bytes.length)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDispositions.of("attachment", fileName))
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "default-src 'none'; sandbox")
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .body(bytes);
    }
}
