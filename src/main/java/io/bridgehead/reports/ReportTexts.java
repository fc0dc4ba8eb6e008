package io.bridgehead.reports;

import io.bridgehead.findings.Severity;
import io.bridgehead.projects.ProjectAssetView;
import io.bridgehead.projects.ProjectView;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The Markdown a new report's form starts with; the person generating it edits it before it goes out. */
final class ReportTexts {

    private ReportTexts() {}

    static String executiveSummary(ProjectView project, Map<Severity, Integer> counts) {
        int total = counts.values().stream().mapToInt(Integer::intValue).sum();
        String breakdown = counts.entrySet().stream()
                .filter(e -> e.getValue() > 0)
                .map(e -> e.getValue() + " " + e.getKey().label().toLowerCase(java.util.Locale.ROOT))
                .collect(Collectors.joining(", "));
        return "This report presents the results of the " + typeOf(project).toLowerCase(java.util.Locale.ROOT)
                + " assessment **" + escape(project.name()) + "**.\n\n"
                + (total == 0
                        ? "No findings were recorded."
                        : "The assessment identified " + total + (total == 1 ? " finding" : " findings") + " ("
                                + breakdown + "). Each is described with its impact and a recommended remediation.");
    }

    static String scope(ProjectView project, List<ProjectAssetView> assets) {
        StringBuilder text = new StringBuilder();
        if (project.scope() != null && !project.scope().isBlank()) {
            text.append(project.scope().strip()).append("\n\n");
        }
        if (!assets.isEmpty()) {
            text.append("The following assets were in scope:\n\n");
            assets.forEach(a -> text.append("- ")
                    .append(a.kind().label())
                    .append(": `")
                    .append(a.value().replace("`", ""))
                    .append("`\n"));
        }
        return text.isEmpty()
                ? "Describe the systems and limits of the assessment."
                : text.toString().strip();
    }

    static String methodology(ProjectView project) {
        return "Testing followed a manual, risk-driven approach supported by automated tools, based on the OWASP"
                + " Testing Guide and the PTES. Findings are rated with CVSS 3.1 and its qualitative severity scale.";
    }

    static String typeOf(ProjectView project) {
        return project.type() == null ? "Security" : project.type().label();
    }

    // Markdown characters in a project name are shown, not interpreted.
    private static String escape(String text) {
        return text.replaceAll("([\\\\`*_{}\\[\\]()#+\\-.!<>|])", "\\\\$1");
    }
}
