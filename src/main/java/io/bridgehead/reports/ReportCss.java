package io.bridgehead.reports;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The strict filter for the CSS an Admin writes into a report template. It is parsed against a tiny allow-list grammar
 * — {@code selector { property: value; }} blocks, properties from a fixed list, values without functions or quotes —
 * and rebuilt from the parsed pieces, so nothing but what the grammar allows ever reaches the PDF. Nothing is
 * evaluated; anything else is refused with a message naming the line.
 */
final class ReportCss {

    static final int MAX_LENGTH = 20_000;

    /** The rebuilt CSS (empty unless there were no problems) and what was refused. */
    record Checked(String css, List<String> problems) {
        boolean ok() {
            return problems.isEmpty();
        }
    }

    // Checked before the grammar so the message says what was found, not just "not allowed here".
    private static final List<String> FORBIDDEN = List.of(
            "@import", "@font-face", "url(", "expression(", "behavior", "-moz-binding", "</style", "<", "\\", "/*");

    private static final Set<String> PROPERTIES = Set.of(
            "color",
            "background-color",
            "font-size",
            "font-weight",
            "font-style",
            "text-align",
            "line-height",
            "page-break-before",
            "page-break-after",
            "page-break-inside");
    private static final Pattern BOX_PROPERTY = Pattern.compile("(margin|padding|border)(-[a-z]+){0,2}");
    // No ">": the CSS reaches the page through th:text, which would escape it.
    private static final Pattern SELECTOR = Pattern.compile("[a-zA-Z0-9 .#,_:*-]+");
    private static final Pattern VALUE = Pattern.compile("[a-zA-Z0-9 #.%,-]+");

    private ReportCss() {}

    static Checked check(String css) {
        if (css == null || css.isBlank()) {
            return new Checked("", List.of());
        }
        if (css.length() > MAX_LENGTH) {
            return refused("The CSS is longer than " + MAX_LENGTH + " characters.");
        }
        List<String> problems = forbidden(css);
        if (!problems.isEmpty()) {
            return new Checked("", List.copyOf(problems));
        }
        return parse(css);
    }

    private static List<String> forbidden(String css) {
        List<String> problems = new ArrayList<>();
        String[] lines = css.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].toLowerCase(Locale.ROOT);
            for (String token : FORBIDDEN) {
                if (line.contains(token)) {
                    problems.add("Line " + (i + 1) + ": \"" + token + "\" is not allowed in report CSS.");
                }
            }
            if (!line.contains("@import") && !line.contains("@font-face") && line.contains("@")) {
                problems.add("Line " + (i + 1) + ": at-rules (@…) are not allowed in report CSS.");
            }
        }
        return problems;
    }

    /* Walks the text block by block, keeping the line number of each piece for the messages. */
    private static Checked parse(String css) {
        StringBuilder out = new StringBuilder();
        List<String> problems = new ArrayList<>();
        int pos = 0;
        while (true) {
            int open = css.indexOf('{', pos);
            if (open < 0) {
                if (!css.substring(pos).isBlank()) {
                    problems.add(line(css, pos) + "text outside a \"selector { property: value; }\" block.");
                }
                break;
            }
            int close = css.indexOf('}', open);
            if (close < 0 || css.substring(pos, open).contains("}")) {
                problems.add(line(css, open) + "unbalanced braces.");
                break;
            }
            // Whitespace is collapsed before the check, so the selector written out is exactly the one checked.
            String selector = css.substring(pos, open).strip().replaceAll("\\s+", " ");
            if (selector.isEmpty() || !SELECTOR.matcher(selector).matches() || selector.contains("{")) {
                problems.add(line(css, pos) + "the selector \"" + selector + "\" is not allowed.");
            }
            if (css.substring(open + 1, close).contains("{")) {
                problems.add(line(css, open) + "nested blocks are not allowed.");
                break;
            }
            String body = declarations(css, open + 1, close, problems);
            out.append(selector).append(" {").append(body).append(" }\n");
            pos = close + 1;
        }
        return problems.isEmpty() ? new Checked(out.toString(), List.of()) : new Checked("", List.copyOf(problems));
    }

    private static String declarations(String css, int from, int to, List<String> problems) {
        StringBuilder out = new StringBuilder();
        int start = from;
        for (String declaration : css.substring(from, to).split(";", -1)) {
            String where = line(css, start);
            start += declaration.length() + 1;
            if (declaration.isBlank()) {
                continue;
            }
            int colon = declaration.indexOf(':');
            String property = colon < 0
                    ? declaration.strip()
                    : declaration.substring(0, colon).strip().toLowerCase(Locale.ROOT);
            String value = colon < 0 ? "" : declaration.substring(colon + 1).strip();
            if (colon < 0 || !allowed(property)) {
                problems.add(where + "the property \"" + property + "\" is not allowed.");
            } else if (!VALUE.matcher(value).matches()) {
                problems.add(where + "the value \"" + value + "\" of " + property + " is not allowed.");
            } else {
                out.append(' ').append(property).append(": ").append(value).append(';');
            }
        }
        return out.toString();
    }

    private static boolean allowed(String property) {
        return PROPERTIES.contains(property) || BOX_PROPERTY.matcher(property).matches();
    }

    private static String line(String css, int index) {
        int line = 1;
        for (int i = 0; i < Math.min(index, css.length()); i++) {
            if (css.charAt(i) == '\n') {
                line++;
            }
        }
        // Skip leading line breaks so the message names the line where the piece starts.
        int i = index;
        while (i < css.length() && Character.isWhitespace(css.charAt(i))) {
            if (css.charAt(i) == '\n') {
                line++;
            }
            i++;
        }
        return "Line " + line + ": ";
    }

    private static Checked refused(String problem) {
        return new Checked("", List.of(problem));
    }
}
