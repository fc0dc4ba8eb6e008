package io.bridgehead.reports;

import java.nio.charset.StandardCharsets;
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
                .header(HttpHeaders.CONTENT_DISPOSITION, contentDisposition(fileName))
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "default-src 'none'; sandbox")
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .body(bytes);
    }

    /** {@code attachment; filename="ascii fallback"; filename*=UTF-8''percent-encoded} (RFC 6266, RFC 5987). */
    static String contentDisposition(String name) {
        StringBuilder ascii = new StringBuilder(name.length());
        name.codePoints().forEach(c -> ascii.append(c >= 0x20 && c < 0x7F && c != '"' && c != '\\' ? (char) c : '_'));
        StringBuilder encoded = new StringBuilder();
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            boolean attrChar = (c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9')
                    || "!#$&+-.^_`|~".indexOf(c) >= 0;
            if (attrChar) {
                encoded.append((char) c);
            } else {
                encoded.append('%')
                        .append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
            }
        }
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
    }
}
