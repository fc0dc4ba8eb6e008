package io.bridgehead.findings;

import io.bridgehead.shared.Text;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A library entry: the reusable parts of a finding. */
public record TemplateForm(
        @NotBlank(message = "Enter a title.") @Size(max = 200, message = "Use at most 200 characters.")
        String title,

        Severity severity,

        @Size(max = 200, message = "Use at most 200 characters.")
        String cvss31Vector,

        @Size(max = 50000, message = "Use at most 50,000 characters.")
        String description,

        @Size(max = 20000, message = "Use at most 20,000 characters.")
        String impact,

        @Size(max = 20000, message = "Use at most 20,000 characters.")
        String remediation,

        @Size(max = 5000, message = "Use at most 5,000 characters.")
        String referenceLinks) {

    public TemplateForm {
        cvss31Vector = Text.blankToNull(cvss31Vector);
        description = Text.strippedOrEmpty(description);
        impact = Text.strippedOrEmpty(impact);
        remediation = Text.strippedOrEmpty(remediation);
        referenceLinks = Text.strippedOrEmpty(referenceLinks);
    }

    public static TemplateForm empty() {
        return new TemplateForm("", null, null, "", "", "", "");
    }
}
