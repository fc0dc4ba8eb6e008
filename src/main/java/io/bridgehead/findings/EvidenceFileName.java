package io.bridgehead.findings;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * The name an evidence file is kept and offered under: the last path component of what the browser sent, without
 * control or invisible formatting characters (no right-to-left override), with an extension that matches the checked
 * content, at most 255 characters. Also writes it into a Content-Disposition header (RFC 6266).
 */
final class EvidenceFileName {

    static final int MAX_LENGTH = 255;

    private static final Pattern UNWANTED = Pattern.compile("[\\p{Cc}\\p{Cf}\\p{Zl}\\p{Zp}]");

    private EvidenceFileName() {}

    static String clean(String declared, EvidenceType type) {
        String name = declared == null ? "" : declared;
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        name = UNWANTED.matcher(name).replaceAll("").strip();
        // Leading dots would make a hidden file, or "." and ".." when saved.
        name = name.replaceFirst("^\\.+", "").strip();
        if (name.isEmpty()) {
            name = "evidence";
        }
        String withExtension = type.withMatchingExtension(name);
        if (withExtension.length() <= MAX_LENGTH) {
            return withExtension;
        }
        String extension = withExtension.substring(withExtension.lastIndexOf('.'));
        String base = withExtension.substring(0, withExtension.length() - extension.length());
        int keep = MAX_LENGTH - extension.length();
        if (Character.isHighSurrogate(base.charAt(keep - 1))) {
            keep--;
        }
        return base.substring(0, keep) + extension;
    }

    /** {@code attachment; filename="ascii fallback"; filename*=UTF-8''percent-encoded}. */
    static String contentDisposition(String disposition, String name) {
        return disposition + "; filename=\"" + asciiFallback(name) + "\"; filename*=UTF-8''" + rfc5987(name);
    }

    private static String asciiFallback(String name) {
        StringBuilder out = new StringBuilder(name.length());
        name.codePoints().forEach(c -> out.append(c >= 0x20 && c < 0x7F && c != '"' && c != '\\' ? (char) c : '_'));
        return out.toString();
    }

    private static String rfc5987(String name) {
        StringBuilder out = new StringBuilder();
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            boolean attrChar = (c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9')
                    || "!#$&+-.^_`|~".indexOf(c) >= 0;
            if (attrChar) {
                out.append((char) c);
            } else {
                out.append('%')
                        .append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
            }
        }
        return out.toString();
    }
}
