package io.bridgehead.findings;

import io.bridgehead.shared.Text;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.format.annotation.DateTimeFormat;

/** A finding as written by the firm. Severity may be left empty to take the one the CVSS 3.1 score suggests. */
public record FindingForm(
        @NotBlank(message = "Enter a title.") @Size(max = 200, message = "Use at most 200 characters.")
        String title,

        Severity severity,

        @Size(max = 200, message = "Use at most 200 characters.")
        String cvss31Vector,

        @Size(max = 200, message = "Use at most 200 characters.")
        String cvss40Vector,

        @DecimalMin(value = "0.0", message = "A CVSS score is between 0.0 and 10.0.")
        @DecimalMax(value = "10.0", message = "A CVSS score is between 0.0 and 10.0.")
        BigDecimal cvss40Score,

        @Size(max = 50000, message = "Use at most 50,000 characters.")
        String description,

        @Size(max = 20000, message = "Use at most 20,000 characters.")
        String impact,

        @Size(max = 20000, message = "Use at most 20,000 characters.")
        String remediation,

        @Size(max = 50000, message = "Use at most 50,000 characters.")
        String technicalDetails,

        @Size(max = 5000, message = "Use at most 5,000 characters.")
        String referenceLinks,

        @Size(max = 20000, message = "Use at most 20,000 characters.")
        String internalNotes,

        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dueDate,
        List<UUID> assetIds) {

    public FindingForm {
        cvss31Vector = Text.blankToNull(cvss31Vector);
        cvss40Vector = Text.blankToNull(cvss40Vector);
        description = Text.strippedOrEmpty(description);
        impact = Text.strippedOrEmpty(impact);
        remediation = Text.strippedOrEmpty(remediation);
        technicalDetails = Text.strippedOrEmpty(technicalDetails);
        referenceLinks = Text.strippedOrEmpty(referenceLinks);
        internalNotes = Text.strippedOrEmpty(internalNotes);
        assetIds = assetIds == null ? List.of() : List.copyOf(assetIds);
    }

    public static FindingForm empty() {
        return new FindingForm("", null, null, null, null, "", "", "", "", "", "", null, List.of());
    }
}
