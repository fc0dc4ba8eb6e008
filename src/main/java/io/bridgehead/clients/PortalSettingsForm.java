package io.bridgehead.clients;

import jakarta.validation.constraints.Size;

/** The Settings tab's portal form: the switch, the optional fields and the address allowlist (one CIDR a line). */
public record PortalSettingsForm(
        boolean enabled,
        boolean showCvss,
        boolean showTechnicalDetails,
        boolean showReferences,
        boolean showEvidence,

        @Size(max = 4000, message = "Use at most 4000 characters.")
        String ipAllowlist) {

    public static PortalSettingsForm of(ClientPortalSettings settings) {
        PortalFieldVisibility fields = settings.fields();
        return new PortalSettingsForm(
                settings.enabled(),
                fields.cvss(),
                fields.technicalDetails(),
                fields.references(),
                fields.evidence(),
                String.join("\n", settings.ipAllowlist().entries()));
    }
}
