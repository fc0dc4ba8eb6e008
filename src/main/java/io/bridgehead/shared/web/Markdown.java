package io.bridgehead.shared.web;

import java.util.regex.Pattern;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;
import org.springframework.stereotype.Component;

/**
 * Markdown written by users, rendered as HTML that is safe to insert unescaped: {@code ${@markdown.toHtml(text)}}.
 * CommonMark shows raw HTML as text; the sanitizer then allows only a fixed set of elements, as a second line of
 * defence should the renderer ever let markup through.
 */
@Component("markdown")
public class Markdown {

    static final int MAX_LENGTH = 100_000;

    private static final Parser PARSER = Parser.builder().build();

    private static final HtmlRenderer RENDERER =
            HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true).build();

    // CommonMark blanks a disallowed URL; an empty href would still link to the current page.
    private static final Pattern NOT_BLANK = Pattern.compile(".*\\S.*", Pattern.DOTALL);

    private static final PolicyFactory POLICY = new HtmlPolicyBuilder()
            .allowElements("p", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6")
            .allowElements("strong", "em", "code", "pre", "blockquote", "ul", "ol", "li")
            .allowElements("table", "thead", "tbody", "tr", "th", "td")
            .allowElements("a")
            .allowUrlProtocols("http", "https", "mailto")
            .allowAttributes("href")
            .matching(NOT_BLANK)
            .onElements("a")
            .requireRelsOnLinks("nofollow", "noopener", "noreferrer")
            .toFactory();

    public String toHtml(String markdown) {
        if (markdown == null || markdown.isEmpty()) {
            return "";
        }
        String rendered = RENDERER.render(PARSER.parse(truncated(markdown)));
        return sanitized(rendered);
    }

    static String sanitized(String html) {
        return POLICY.sanitize(html);
    }

    // A safety net only: callers validate lengths, this keeps a missed check from parsing megabytes.
    private static String truncated(String markdown) {
        if (markdown.length() <= MAX_LENGTH) {
            return markdown;
        }
        int end = Character.isHighSurrogate(markdown.charAt(MAX_LENGTH - 1)) ? MAX_LENGTH - 1 : MAX_LENGTH;
        return markdown.substring(0, end);
    }
}
