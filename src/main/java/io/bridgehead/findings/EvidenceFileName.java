package io.bridgehead.findings;

import java.util.regex.Pattern;

/**
 * The name an evidence file is kept and offered under: the last path component of what the browser sent, without
 * control or invisible formatting characters (no right-to-left override), with an extension that matches the checked
 * content, at most 255 characters.
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
}
