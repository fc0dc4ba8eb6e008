package io.bridgehead.reports;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * What a report template contributes to one PDF, already made safe: colours that matched {@code #rrggbb}, a cover
 * layout from the fixed list, sections already sanitised to HTML ({@link ReportSections}), and CSS that passed
 * {@link ReportCss}. The renderer gets these only as variable values; no template text is ever parsed by the PDF's
 * template engine.
 */
record ReportStyle(
        String primaryColour,
        String accentColour,
        CoverLayout coverLayout,
        String coverSubtitle,
        String coverNoteHtml,
        String introductionHtml,
        String closingHtml,
        String customCss) {

    static final Pattern COLOUR = Pattern.compile("^#[0-9a-fA-F]{6}$");
    static final String DEFAULT_PRIMARY = "#0d2a4a";
    static final String DEFAULT_ACCENT = "#eef1f6";
    static final ReportStyle DEFAULT =
            new ReportStyle(DEFAULT_PRIMARY, DEFAULT_ACCENT, CoverLayout.CLASSIC, "", "", "", "", "");

    ReportStyle {
        // Defence in depth: whatever was stored, only a valid colour or the default reaches the CSS.
        primaryColour = colour(primaryColour, DEFAULT_PRIMARY);
        accentColour = colour(accentColour, DEFAULT_ACCENT);
        coverLayout = coverLayout == null ? CoverLayout.CLASSIC : coverLayout;
        coverSubtitle = coverSubtitle == null ? "" : coverSubtitle;
        coverNoteHtml = coverNoteHtml == null ? "" : coverNoteHtml;
        introductionHtml = introductionHtml == null ? "" : introductionHtml;
        closingHtml = closingHtml == null ? "" : closingHtml;
        ReportCss.Checked checked = ReportCss.check(customCss);
        customCss = checked.ok() ? checked.css() : "";
    }

    /**
     * A stored template as the renderer takes it (null: the built-in Default). Its sections go through the template
     * sanitiser; colours and CSS are checked again here, whatever was stored.
     */
    static ReportStyle of(ReportSnapshot.Template template) {
        if (template == null) {
            return DEFAULT;
        }
        return new ReportStyle(
                template.primaryColour(),
                template.accentColour(),
                CoverLayout.of(template.coverLayout()),
                template.coverSubtitle(),
                ReportSections.toHtml(template.coverNote()),
                ReportSections.toHtml(template.introduction()),
                ReportSections.toHtml(template.closing()),
                template.customCss());
    }

    /** The sections with their placeholders filled from this report's values. */
    ReportStyle filledFrom(ReportDocument r) {
        Map<String, String> values = Map.of(
                "title", text(r.title()),
                "client", text(r.clientName()),
                "project", text(r.projectName()),
                "version", text(r.versionLabel()),
                "classification", text(r.classification()),
                "date", text(r.generatedOn()),
                "firm", text(r.workspaceName()));
        return new ReportStyle(
                primaryColour,
                accentColour,
                coverLayout,
                coverSubtitle,
                ReportSections.fill(coverNoteHtml, values),
                ReportSections.fill(introductionHtml, values),
                ReportSections.fill(closingHtml, values),
                customCss);
    }

    /** The CSS that follows the built-in CSS: the colours, then the filtered custom CSS. */
    String css() {
        return "h1, h2, .cover .title, .cover .firm { color: " + primaryColour + "; }\n"
                + ".finding-head { border-left-color: " + primaryColour + "; }\n"
                + "table.summary th { background-color: " + accentColour + "; }\n"
                + ".cover .subtitle { color: " + primaryColour + "; }\n"
                + ".cover-banner .band { background-color: " + primaryColour + "; }\n"
                + ".cover-banner .band .title, .cover-banner .band .subtitle, .cover-banner .band .client"
                + " { color: #ffffff; }\n"
                + customCss;
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    private static String colour(String value, String fallback) {
        return value != null && COLOUR.matcher(value).matches() ? value : fallback;
    }
}
