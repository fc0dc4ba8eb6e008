package io.bridgehead.support;

import java.io.UnsupportedEncodingException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** Reads what a user sees on a rendered page: the error under a field, the main content. */
public final class Html {

    private Html() {}

    /** The page a response rendered. */
    public static String of(MvcTestResult result) {
        try {
            return result.getResponse().getContentAsString();
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The page a request renders. */
    public static String of(MockMvcTester.MockMvcRequestBuilder request) {
        return of(request.exchange());
    }

    /**
     * The error(s) shown under a form field (the fragment's {@code <p id="field-error">}), one per line, or null when
     * none.
     */
    public static String fieldError(String html, String field) {
        Matcher matcher = Pattern.compile("id=\"" + Pattern.quote(field) + "-error\"[^>]*>([\\s\\S]*?)</p>")
                .matcher(html);
        return matcher.find() ? matcher.group(1).replaceAll("<br\\s*/?>", "\n").strip() : null;
    }

    /** The content of the page's {@code <main>}, without the header, the CSRF token and other per-request parts. */
    public static String main(String html) {
        int start = html.indexOf("<main");
        int end = html.indexOf("</main>");
        if (start < 0 || end < start) {
            throw new AssertionError("No <main> in the page");
        }
        return html.substring(start, end).replaceAll("name=\"_csrf\" value=\"[^\"]*\"", "name=\"_csrf\"");
    }
}
