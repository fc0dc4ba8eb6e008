package io.bridgehead.reports;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;
import org.springframework.web.util.HtmlUtils;

/**
 * A report template's own sections (cover note, introduction, closing): Markdown in which an Admin may also write
 * HTML from a fixed, print-only set — blocks and spans with classes for the template's CSS, tables, lists — and
 * placeholders such as {@code {{client}}} that are filled with the report's values as escaped text. Nothing here is
 * ever parsed by a template engine: no expressions, no includes, no URLs other than http(s)/mailto links, no images,
 * no style attributes.
 */
final class ReportSections {

    /** The placeholders a section may use, with what they stand for (shown on the template form). */
    static final Map<String, String> PLACEHOLDERS = Map.of(
            "title", "the report's title",
            "client", "the client's name",
            "project", "the project's name",
            "version", "the version label",
            "classification", "the classification",
            "date", "the day the version was generated",
            "firm", "your workspace's name");

    // The sanitiser writes "{{" as "{<!-- -->{" (against client-side template engines); placeholders are found either
    // way.
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(?:<!-- -->)?\\{\\s*([a-z]+)\\s*}}");
    private static final Pattern CLASS_NAMES =
            Pattern.compile("[A-Za-z][A-Za-z0-9_-]{0,40}( [A-Za-z][A-Za-z0-9_-]{0,40}){0,5}");
    private static final Pattern SPAN = Pattern.compile("[1-9][0-9]?");
    private static final Pattern NOT_BLANK = Pattern.compile(".*\\S.*", Pattern.DOTALL);

    private static final Parser PARSER = Parser.builder().build();
    private static final HtmlRenderer RENDERER =
            HtmlRenderer.builder().escapeHtml(false).sanitizeUrls(true).build();

    private static final PolicyFactory POLICY = new HtmlPolicyBuilder()
            .allowElements("p", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6")
            .allowElements("strong", "em", "b", "i", "u", "small", "sub", "sup", "code", "pre", "blockquote")
            .allowElements("ul", "ol", "li", "dl", "dt", "dd")
            .allowElements("table", "caption", "thead", "tbody", "tfoot", "tr", "th", "td")
            .allowElements("div", "span", "section", "header", "footer", "a")
            .allowAttributes("class")
            .matching(CLASS_NAMES)
            .globally()
            .allowAttributes("colspan", "rowspan")
            .matching(SPAN)
            .onElements("td", "th")
            .allowUrlProtocols("http", "https", "mailto")
            .allowAttributes("href")
            .matching(NOT_BLANK)
            .onElements("a")
            .toFactory();

    private ReportSections() {}

    /** The section as safe HTML, placeholders still unfilled. */
    static String toHtml(String markdown) {
        if (markdown == null || markdown.isBlank()) {
            return "";
        }
        return POLICY.sanitize(RENDERER.render(PARSER.parse(markdown)));
    }

    /** Fills the known placeholders with escaped values; unknown ones stay as they were written. */
    static String fill(String html, Map<String, String> values) {
        if (html.isEmpty()) {
            return html;
        }
        Matcher m = PLACEHOLDER.matcher(html);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(value == null ? m.group() : HtmlUtils.htmlEscape(value)));
        }
        m.appendTail(out);
        return out.toString();
    }
}
