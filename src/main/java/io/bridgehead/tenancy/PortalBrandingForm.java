package io.bridgehead.tenancy;

import io.bridgehead.shared.Text;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What an Admin sets for the client portal's look. Colours are {@code #rrggbb}; the welcome message and help text are
 * Markdown; the footer and the status explanations are plain text (a blank explanation means the default sentence).
 * {@code hidePoweredBy} is a checkbox: null when unticked.
 */
public record PortalBrandingForm(
        @NotNull(message = COLOUR_MESSAGE) @Pattern(regexp = COLOUR, message = COLOUR_MESSAGE)
        String primaryColour,

        @NotNull(message = COLOUR_MESSAGE) @Pattern(regexp = COLOUR, message = COLOUR_MESSAGE)
        String accentColour,

        @Size(max = 2000, message = "Use at most 2000 characters.")
        String welcomeMessage,

        @Size(max = 300, message = "Use at most 300 characters.")
        String footerText,

        @Size(max = 2000, message = "Use at most 2000 characters.")
        String helpText,

        @Size(max = 300, message = "Use at most 300 characters.")
        String explainOpen,

        @Size(max = 300, message = "Use at most 300 characters.")
        String explainPendingVerification,

        @Size(max = 300, message = "Use at most 300 characters.")
        String explainRetestRequested,

        @Size(max = 300, message = "Use at most 300 characters.")
        String explainVerifiedFixed,

        @Size(max = 300, message = "Use at most 300 characters.")
        String explainPartiallyFixed,

        @Size(max = 300, message = "Use at most 300 characters.")
        String explainAcceptedRisk,

        @Size(max = 300, message = "Use at most 300 characters.")
        String explainClosed,

        Boolean hidePoweredBy) {

    static final String COLOUR = "^#[0-9a-fA-F]{6}$";
    static final String COLOUR_MESSAGE = "Enter a colour as # followed by six hexadecimal digits, e.g. #1f4e79.";

    /** The explanation fields of the form, in status order: the status name, its label and the field's name. */
    public record ExplanationField(String status, String label, String field) {

        public String defaultSentence() {
            return PortalBranding.DEFAULT_STATUS_EXPLANATIONS.get(status);
        }
    }

    static final List<ExplanationField> EXPLANATION_FIELDS = List.of(
            new ExplanationField("OPEN", "Open", "explainOpen"),
            new ExplanationField("PENDING_VERIFICATION", "Pending verification", "explainPendingVerification"),
            new ExplanationField("RETEST_REQUESTED", "Retest requested", "explainRetestRequested"),
            new ExplanationField("VERIFIED_FIXED", "Verified fixed", "explainVerifiedFixed"),
            new ExplanationField("PARTIALLY_FIXED", "Partially fixed", "explainPartiallyFixed"),
            new ExplanationField("ACCEPTED_RISK", "Accepted risk", "explainAcceptedRisk"),
            new ExplanationField("CLOSED", "Closed", "explainClosed"));

    /** Whether the Admin asked to hide the "Powered by Bridgehead" badge. */
    public boolean hidesPoweredBy() {
        return Boolean.TRUE.equals(hidePoweredBy);
    }

    /** The explanations the Admin wrote, by status name; blank ones are absent (the default applies). */
    public Map<String, String> explanations() {
        List<String> values = List.of(
                Text.nullToBlank(explainOpen),
                Text.nullToBlank(explainPendingVerification),
                Text.nullToBlank(explainRetestRequested),
                Text.nullToBlank(explainVerifiedFixed),
                Text.nullToBlank(explainPartiallyFixed),
                Text.nullToBlank(explainAcceptedRisk),
                Text.nullToBlank(explainClosed));
        Map<String, String> explanations = new LinkedHashMap<>();
        for (int i = 0; i < EXPLANATION_FIELDS.size(); i++) {
            String value = Text.blankToNull(values.get(i));
            if (value != null) {
                explanations.put(EXPLANATION_FIELDS.get(i).status(), value);
            }
        }
        return explanations;
    }

    /** The form as the page shows it for a saved branding; explanations equal to the default are left blank. */
    static PortalBrandingForm of(PortalBranding branding, boolean hidePoweredBy) {
        Map<String, String> own = new LinkedHashMap<>();
        branding.statusExplanations().forEach((status, sentence) -> {
            if (!sentence.equals(PortalBranding.DEFAULT_STATUS_EXPLANATIONS.get(status))) {
                own.put(status, sentence);
            }
        });
        return new PortalBrandingForm(
                branding.primaryColour(),
                branding.accentColour(),
                branding.welcomeMessage(),
                branding.footerText(),
                branding.helpText(),
                own.getOrDefault("OPEN", ""),
                own.getOrDefault("PENDING_VERIFICATION", ""),
                own.getOrDefault("RETEST_REQUESTED", ""),
                own.getOrDefault("VERIFIED_FIXED", ""),
                own.getOrDefault("PARTIALLY_FIXED", ""),
                own.getOrDefault("ACCEPTED_RISK", ""),
                own.getOrDefault("CLOSED", ""),
                hidePoweredBy);
    }
}
