package io.bridgehead.security;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The stored cross-site scripting corpus ({@code security/xss-payloads.txt}) and ways to fit it into fields of every
 * size: a short field gets the payloads packed a few at a time into as many values as needed, so that every payload
 * goes through every field; a Markdown field gets all of them in one document, each after a labelled paragraph.
 */
final class XssPayloads {

    private static final String RESOURCE = "/security/xss-payloads.txt";

    private final List<String> all;

    private XssPayloads(List<String> all) {
        this.all = List.copyOf(all);
    }

    static XssPayloads load() {
        try (InputStream in = XssPayloads.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Missing " + RESOURCE);
            }
            List<String> payloads = new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("# "))
                    .map(line -> line.replace("\\n", "\n"))
                    .toList();
            return new XssPayloads(payloads);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<String> all() {
        return all;
    }

    /** The payloads a one-line text field can take (an input cannot hold a line break). */
    List<String> singleLine() {
        return all.stream().filter(p -> !p.contains("\n")).toList();
    }

    /**
     * The one-line payloads packed, joined by a space, into values of at most {@code maxLength} characters; a payload
     * longer than the field is left out of it (the field refuses it anyway).
     */
    List<String> packed(int maxLength) {
        List<String> packs = new ArrayList<>();
        StringBuilder pack = new StringBuilder();
        for (String payload : singleLine()) {
            if (payload.length() > maxLength) {
                continue;
            }
            if (!pack.isEmpty() && pack.length() + 1 + payload.length() > maxLength) {
                packs.add(pack.toString());
                pack.setLength(0);
            }
            pack.append(pack.isEmpty() ? "" : " ").append(payload);
        }
        if (!pack.isEmpty()) {
            packs.add(pack.toString());
        }
        return packs;
    }

    /** All payloads in one Markdown document; each follows a paragraph "Case N of field", so dropped text shows. */
    String markdown(String field) {
        StringBuilder document = new StringBuilder();
        for (int i = 0; i < all.size(); i++) {
            document.append(caseLabel(field, i))
                    .append("\n\n")
                    .append(all.get(i))
                    .append("\n\n");
        }
        return document.toString();
    }

    /** The Markdown documents of at most {@code maxLength} characters that together hold every payload. */
    List<String> markdownChunks(String field, int maxLength) {
        List<String> chunks = new ArrayList<>();
        StringBuilder chunk = new StringBuilder();
        for (int i = 0; i < all.size(); i++) {
            String piece = caseLabel(field, i) + "\n\n" + all.get(i) + "\n\n";
            if (!chunk.isEmpty() && chunk.length() + piece.length() > maxLength) {
                chunks.add(chunk.toString());
                chunk.setLength(0);
            }
            chunk.append(piece);
        }
        if (!chunk.isEmpty()) {
            chunks.add(chunk.toString());
        }
        return chunks;
    }

    /** The visible labels a Markdown chunk made by {@link #markdownChunks} or {@link #markdown} carries. */
    static List<String> labelsIn(String markdown) {
        return markdown.lines().filter(line -> line.startsWith("Case ")).toList();
    }

    private static String caseLabel(String field, int index) {
        return "Case " + (index + 1) + " of " + field;
    }
}
