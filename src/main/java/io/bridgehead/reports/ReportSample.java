package io.bridgehead.reports;

import java.util.List;

/**
 * A fixed, fake report (client, project, three findings) for previewing a template: no database data, so a preview
 * shows nothing of any real client.
 */
final class ReportSample {

    private ReportSample() {}

    static ReportDocument document() {
        return new ReportDocument(
                "Web application penetration test",
                "1.0",
                "Sample — not a real report",
                "Example Security Ltd",
                null,
                "Example Client GmbH",
                null,
                "Customer portal",
                "Web application",
                "2 Mar 2026 – 13 Mar 2026",
                "16 Mar 2026",
                "<p>This sample shows how the template looks. Three findings were identified: one high, one medium"
                        + " and one low.</p>",
                "<p>https://portal.example.test and its API.</p>",
                "<p>Manual testing following the OWASP Web Security Testing Guide.</p>",
                List.of(
                        new ReportDocument.SeverityBar("CRITICAL", "Critical", 0, 0),
                        new ReportDocument.SeverityBar("HIGH", "High", 1, 100),
                        new ReportDocument.SeverityBar("MEDIUM", "Medium", 1, 100),
                        new ReportDocument.SeverityBar("LOW", "Low", 1, 100),
                        new ReportDocument.SeverityBar("INFORMATIONAL", "Informational", 0, 0)),
                List.of(
                        finding(1, "HIGH", "High", "Stored cross-site scripting in comments"),
                        finding(2, "MEDIUM", "Medium", "Missing rate limiting on sign-in"),
                        finding(3, "LOW", "Low", "Verbose server banner")));
    }

    private static ReportDocument.Section finding(int n, String severity, String label, String title) {
        return new ReportDocument.Section(
                "finding-" + n,
                "F-" + n,
                title,
                severity,
                label,
                "Open",
                null,
                null,
                "<p>A sample description of " + title.toLowerCase(java.util.Locale.ROOT) + ".</p>",
                "<p>A sample impact.</p>",
                "<p>A sample remediation.</p>",
                "",
                List.of("https://owasp.org/"),
                List.of("portal.example.test"),
                List.of());
    }
}
