package io.bridgehead.findings;

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
        cvss31Vector = cvss31Vector == null || cvss31Vector.isBlank() ? null : cvss31Vector.strip();
        description = description == null ? "" : description.strip();
        impact = impact == null ? "" : impact.strip();
        remediation = remediation == null ? "" : remediation.strip();
        referenceLinks = referenceLinks == null ? "" : referenceLinks.strip();
    }

    public static TemplateForm empty() {
        return new TemplateForm("", null, null, "", "", "", "");
    }
}
