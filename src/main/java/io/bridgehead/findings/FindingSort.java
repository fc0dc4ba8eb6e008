package io.bridgehead.findings;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The orders of a findings list; ties fall back to project name and finding number, so pages never overlap. */
public enum FindingSort {
    SEVERITY("Most severe first", rank("f.severity", Severity.values()) + ", f.cvss31_score desc nulls last"),
    CVSS("Highest CVSS first", "f.cvss31_score desc nulls last, " + rank("f.severity", Severity.values())),
    STATUS("Status", rank("f.status", FindingStatus.values()) + ", " + rank("f.severity", Severity.values())),
    DUE_DATE("Due soonest first", "f.due_date asc nulls last, " + rank("f.severity", Severity.values())),
    UPDATED("Recently updated", "f.updated_at desc");

    private final String label;
    private final String orderBy;

    FindingSort(String label, String orderBy) {
        this.label = label;
        this.orderBy = orderBy;
    }

    public String label() {
        return label;
    }

    String orderBy() {
        return orderBy + ", lower(p.name), p.id, f.ref";
    }

    /** Orders an enum column by the enum's declaration order, e.g. Critical before High. */
    private static String rank(String column, Enum<?>[] values) {
        return Arrays.stream(values)
                .map(v -> "when '" + v.name() + "' then " + v.ordinal())
                .collect(Collectors.joining(" ", "case " + column + " ", " end"));
    }
}
