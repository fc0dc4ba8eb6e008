package io.bridgehead.findings;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A findings list as CSV (RFC 4180: comma separated, CRLF line ends, a field quoted when it holds a comma, quote or
 * line break, quotes doubled). A cell a spreadsheet would read as a formula (starting with =, +, -, @, tab or carriage
 * return) gets a leading single quote, so it stays text (OWASP CSV injection).
 */
final class FindingCsv {

    static final List<String> HEADER = List.of(
            "Project", "Client", "Id", "Title", "Severity", "CVSS 3.1", "Status", "Due date", "Overdue", "Updated");

    private final Writer out;

    FindingCsv(Writer out) {
        this.out = out;
    }

    void header() {
        line(HEADER.toArray(String[]::new));
    }

    void row(FindingListing f) {
        line(
                f.projectName(),
                f.clientName(),
                f.code(),
                f.title(),
                f.severity().label(),
                f.cvss31Score() == null ? "" : f.cvss31Score().toPlainString(),
                f.status().label(),
                f.dueDate() == null ? "" : f.dueDate().toString(),
                f.overdue() ? "Yes" : "No",
                f.updatedAt().toString());
    }

    void note(String text) {
        line(text);
    }

    private void line(String... cells) {
        try {
            out.write(Arrays.stream(cells).map(FindingCsv::cell).collect(Collectors.joining(",")));
            out.write("\r\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String cell(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        String text = neutralised(value);
        if (text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }

    static String neutralised(String value) {
        char first = value.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + value
                : value;
    }
}
