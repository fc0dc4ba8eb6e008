package io.bridgehead.findings;

import io.bridgehead.shared.web.ContentDispositions;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** The bytes of an evidence file with what it was checked to be, ready to serve. */
public record EvidenceContent(String fileName, String contentType, boolean inline, byte[] bytes) {

    private static final String FILE_CONTENT_SECURITY_POLICY = "default-src 'none'; sandbox";

    /**
     * Checked PNG and JPEG are shown inline with their type; everything else is a download. Never sniffed, sandboxed,
     * never stored by caches — the same for the firm's pages and the portal.
     */
    public ResponseEntity<byte[]> response() {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(contentType))
                .contentLength(bytes.length)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDispositions.of(inline ? "inline" : "attachment", fileName))
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", FILE_CONTENT_SECURITY_POLICY)
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .body(bytes);
    }
}
