package io.bridgehead.findings;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/** Days to fix a finding, per severity. */
public record SlaForm(
        @Min(value = 1, message = "At least 1 day.") @Max(value = 3650, message = "At most 3650 days.")
        int criticalDays,

        @Min(value = 1, message = "At least 1 day.") @Max(value = 3650, message = "At most 3650 days.")
        int highDays,

        @Min(value = 1, message = "At least 1 day.") @Max(value = 3650, message = "At most 3650 days.")
        int mediumDays,

        @Min(value = 1, message = "At least 1 day.") @Max(value = 3650, message = "At most 3650 days.")
        int lowDays) {

    static SlaForm of(RemediationSla sla) {
        return new SlaForm(sla.criticalDays(), sla.highDays(), sla.mediumDays(), sla.lowDays());
    }
}
