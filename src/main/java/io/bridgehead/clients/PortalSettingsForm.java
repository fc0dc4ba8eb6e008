package io.bridgehead.clients;

import jakarta.validation.constraints.Size;

/** The Settings tab's portal form: the switch, the optional fields and the address allowlist (one CIDR a line). */
public record PortalSettingsForm(
        Boolean enabled,
        Boolean showCvss,
        Boolean showTechnicalDetails,
        Boolean showReferences,
        Boolean showEvidence,

        @Size(max = 4000, message = "Use at most 4000 characters.")
        String ipAllowlist) {

    /** An unticked checkbox sends nothing: that means "no". */
    public PortalSettingsForm {
        enabled = Boolean.TRUE.equals(enabled);
        showCvss = Boolean.TRUE.equals(showCvss);
        showTechnicalDetails = Boolean.TRUE.equals(showTechnicalDetails);
        showReferences = Boolean.TRUE.equals(showReferences);
        showEvidence = Boolean.TRUE.equals(showEvidence);
    }

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
