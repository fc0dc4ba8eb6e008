package io.bridgehead.reports;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.UUID;

/** What a person chooses when generating a report; the project's data is taken as it is at that moment. */
public record GenerateReportCmd(
        @NotBlank(message = "Choose a template.")
        @Pattern(regexp = TEMPLATE, message = "Choose a template from the list.")
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

    /** The built-in template, or a workspace template's id. */
    static final String TEMPLATE =
            "default|[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";

    /** The workspace template chosen, or null for the built-in Default. */
    UUID templateId() {
        return template == null || template.equals("default") ? null : UUID.fromString(template);
    }

    public GenerateReportCmd {
        executiveSummary = executiveSummary == null ? "" : executiveSummary;
        scope = scope == null ? "" : scope;
        methodology = methodology == null ? "" : methodology;
    }
}
