package io.bridgehead.reports;

import io.bridgehead.shared.web.Markdown;
import java.util.regex.Pattern;

/**
 * What a report template contributes to one PDF, already made safe: colours that matched {@code #rrggbb}, Markdown
 * sections already sanitised to HTML, and CSS that passed {@link ReportCss}. The renderer gets these only as variable
 * values; no template text is ever parsed by the PDF's template engine.
 */
record ReportStyle(
        String primaryColour,
        String accentColour,
        String coverSubtitle,
        String introductionHtml,
        String closingHtml,
        String customCss) {

    static final Pattern COLOUR = Pattern.compile("^#[0-9a-fA-F]{6}$");
    static final String DEFAULT_PRIMARY = "#0d2a4a";
    static final String DEFAULT_ACCENT = "#eef1f6";
    static final ReportStyle DEFAULT = new ReportStyle(DEFAULT_PRIMARY, DEFAULT_ACCENT, "", "", "", "");

    ReportStyle {
        // Defence in depth: whatever was stored, only a valid colour or the default reaches the CSS.
        primaryColour = colour(primaryColour, DEFAULT_PRIMARY);
        accentColour = colour(accentColour, DEFAULT_ACCENT);
        coverSubtitle = coverSubtitle == null ? "" : coverSubtitle;
        introductionHtml = introductionHtml == null ? "" : introductionHtml;
        closingHtml = closingHtml == null ? "" : closingHtml;
        ReportCss.Checked checked = ReportCss.check(customCss);
        customCss = checked.ok() ? checked.css() : "";
    }

    /**
     * A stored template as the renderer takes it (null: the built-in Default). Its Markdown goes through the same
     * sanitiser as every other Markdown; colours and CSS are checked again here, whatever was stored.
     */
    static ReportStyle of(ReportSnapshot.Template template, Markdown markdown) {
        if (template == null) {
            return DEFAULT;
        }
        return new ReportStyle(
                template.primaryColour(),
                template.accentColour(),
                template.coverSubtitle(),
                markdown.toHtml(template.introduction()),
                markdown.toHtml(template.closing()),
                template.customCss());
    }

    /** The CSS that follows the built-in CSS: the colours, then the filtered custom CSS. */
    String css() {
        return "h1, h2, .cover .title, .cover .firm { color: " + primaryColour + "; }\n"
                + ".finding-head { border-left-color: " + primaryColour + "; }\n"
                + "table.summary th { background-color: " + accentColour + "; }\n"
                + ".cover .subtitle { color: " + primaryColour + "; }\n"
                + customCss;
    }

    private static String colour(String value, String fallback) {
        return value != null && COLOUR.matcher(value).matches() ? value : fallback;
    }
}
