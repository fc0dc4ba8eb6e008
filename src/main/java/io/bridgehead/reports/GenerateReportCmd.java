package io.bridgehead.reports;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** What a person chooses when generating a report; the project's data is taken as it is at that moment. */
public record GenerateReportCmd(
        @NotBlank @Pattern(regexp = "default", message = "Only the default template exists yet.")
        String template,

        @NotBlank(message = "Give the report a title.") @Size(max = 200)
        String title,

        @NotBlank(message = "Give the version a label, e.g. 1.0 or Final.") @Size(max = 40)
        String versionLabel,

        @NotBlank(message = "Name the classification, e.g. Confidential.") @Size(max = 60)
        String classification,

        @Size(max = 50_000) String executiveSummary,
        @Size(max = 50_000) String scope,
        @Size(max = 50_000) String methodology) {

    public GenerateReportCmd {
        executiveSummary = executiveSummary == null ? "" : executiveSummary;
        scope = scope == null ? "" : scope;
        methodology = methodology == null ? "" : methodology;
    }
}
