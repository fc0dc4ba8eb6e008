package io.bridgehead.reports;

import java.util.List;

/**
 * Everything one PDF shows, immutable and complete before layout starts: Markdown is already sanitised HTML, so the
 * renderer needs neither the database nor any other bean.
 */
record ReportDocument(
        String title,
        String versionLabel,
        String classification,
        String workspaceName,
        String firmLogoDataUri,
        String clientName,
        String clientLogoDataUri,
        String projectName,
        String projectType,
        String period,
        String generatedOn,
        String executiveSummaryHtml,
        String scopeHtml,
        String methodologyHtml,
        List<SeverityBar> chart,
        List<Section> findings) {

    record SeverityBar(String severity, String label, int count, int percent) {}

    record Section(
            String anchor,
            String code,
            String title,
            String severity,
            String severityLabel,
            String status,
            String cvssVector,
            String cvssScore,
            String descriptionHtml,
            String impactHtml,
            String remediationHtml,
            String technicalDetailsHtml,
            List<String> references,
            List<String> affectedAssets,
            List<Image> images) {}

    /** An evidence image: embedded as a data: URI, or only named (dataUri null) with the reason in note. */
    record Image(String fileName, String dataUri, String note) {}
}
