package io.bridgehead.reports;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * What an Admin writes into a report template. Everything is data: colours are {@code #rrggbb}, the cover is one of
 * the {@link CoverLayout}s, the sections are Markdown with a print-only set of HTML ({@link ReportSections}), the CSS
 * must pass {@link ReportCss} (checked by the service, which names the offending line).
 */
public record ReportTemplateCmd(
        @NotBlank(message = "Give the template a name.") @Size(max = 100, message = "Use at most 100 characters.")
        String name,

        @NotNull(message = COLOUR_MESSAGE) @Pattern(regexp = COLOUR, message = COLOUR_MESSAGE)
        String primaryColour,

        @NotNull(message = COLOUR_MESSAGE) @Pattern(regexp = COLOUR, message = COLOUR_MESSAGE)
        String accentColour,

        @Pattern(regexp = CoverLayout.PATTERN, message = LAYOUT_MESSAGE)
        String coverLayout,

        @Size(max = 200, message = "Use at most 200 characters.")
        String coverSubtitle,

        @Size(max = 5_000, message = "Use at most 5,000 characters.")
        String coverNote,

        @Size(max = 50_000, message = "Use at most 50,000 characters.")
        String introduction,

        @Size(max = 50_000, message = "Use at most 50,000 characters.")
        String closing,

        @Size(max = ReportCss.MAX_LENGTH, message = "Use at most 20,000 characters.")
        String customCss) {

    static final String COLOUR = "^#[0-9a-fA-F]{6}$";
    static final String COLOUR_MESSAGE = "Enter a colour as # followed by six hexadecimal digits, e.g. #1f4e79.";
    static final String LAYOUT_MESSAGE = "Choose one of the cover layouts.";

    public ReportTemplateCmd {
        coverLayout = coverLayout == null ? CoverLayout.CLASSIC.name() : coverLayout;
        coverSubtitle = coverSubtitle == null ? "" : coverSubtitle;
        coverNote = coverNote == null ? "" : coverNote;
        introduction = introduction == null ? "" : introduction;
        closing = closing == null ? "" : closing;
        customCss = customCss == null ? "" : customCss;
    }

    /** A new template's starting point: the Default template's colours and nothing else. */
    static ReportTemplateCmd blank() {
        return new ReportTemplateCmd(
                "", ReportStyle.DEFAULT_PRIMARY, ReportStyle.DEFAULT_ACCENT, "CLASSIC", "", "", "", "", "");
    }
}
