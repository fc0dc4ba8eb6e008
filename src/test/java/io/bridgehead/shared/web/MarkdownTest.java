package io.bridgehead.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class MarkdownTest {

    // Any tag carrying an on* event handler attribute; escaped text never contains a raw '<'.
    static final String EVENT_HANDLER_IN_A_TAG = "<[^>]*\\son[a-z]+\\s*=";

    final Markdown markdown = new Markdown();

    @Test
    void emphasisListsCodeAndLinksRender() {
        String html = markdown.toHtml("""
                # Title

                Some *emphasis* and **strong** text with `code`.

                - one
                - two

                1. first

                > quoted

                ```
                block
                ```

                [Bridgehead](https://bridgehead.io/docs)
                """);

        assertThat(html)
                .contains("<h1>Title</h1>")
                .contains("<em>emphasis</em>")
                .contains("<strong>strong</strong>")
                .contains("<code>code</code>")
                .contains("<ul><li>one</li><li>two</li></ul>")
                .contains("<ol>")
                .contains("<blockquote>")
                .contains("<pre><code>block\n</code></pre>")
                .contains("href=\"https://bridgehead.io/docs\"")
                .contains(">Bridgehead</a>");
    }

    @Test
    void aScriptIsShownAsEscapedTextNeverAsAScriptElement() {
        String html = markdown.toHtml("<script>alert(1)</script>");

        assertThat(html).doesNotContainIgnoringCase("<script").contains("&lt;script&gt;");
    }

    @Test
    void aJavascriptLinkHasNoJavascriptHref() {
        String html =
                markdown.toHtml("[x](javascript:alert(1)) [y](JaVaScRiPt:alert(1)) [z](java&#x09;script:alert(1))");

        assertThat(html)
                .doesNotContainIgnoringCase("javascript:")
                .doesNotContain("href")
                .contains("x");
    }

    @Test
    void anImageWithAnErrorHandlerProducesNoImageAndNoHandler() {
        String html = markdown.toHtml("<img src=x onerror=alert(1)>");

        assertThat(html).doesNotContain("<img").doesNotContainPattern(EVENT_HANDLER_IN_A_TAG);
    }

    @Test
    void markdownImagesAreNotRendered() {
        String html = markdown.toHtml("![tracker](https://evil.example/pixel.png)");

        assertThat(html).doesNotContain("<img").doesNotContain("src=");
    }

    @Test
    void rawLinkHtmlKeepsNoEventHandler() {
        String html = markdown.toHtml("<a href=\"https://ok\" onclick=\"x\">ok</a>");

        assertThat(html).doesNotContain("<a").doesNotContainPattern(EVENT_HANDLER_IN_A_TAG);
    }

    @Test
    void aLinkGetsRelNofollowNoopenerNoreferrer() {
        String html = markdown.toHtml("[docs](https://bridgehead.io)");

        assertThat(html).startsWith("<p><a href=\"https://bridgehead.io\" rel=\"");
        assertThat(rels(html)).containsExactlyInAnyOrder("nofollow", "noopener", "noreferrer");
    }

    @Test
    void mailtoLinksAreKept() {
        assertThat(markdown.toHtml("[mail](mailto:ops@bridgehead.io)")).contains("href=\"mailto:");
    }

    @Test
    void aDataUrlLinkIsDropped() {
        String html = markdown.toHtml("[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)");

        assertThat(html).doesNotContain("data:").doesNotContain("href").contains("x");
    }

    @Test
    void htmlEntitiesRoundTripSafely() {
        String html = markdown.toHtml("AT&T &amp; &lt;b&gt;bold?&lt;/b&gt; &copy; &#60;i&#62;");

        assertThat(html)
                .contains("AT&amp;T &amp;")
                .contains("&lt;b&gt;bold?&lt;/b&gt;")
                .contains("©")
                .contains("&lt;i&gt;")
                .doesNotContain("<b>")
                .doesNotContain("<i>");
    }

    @Test
    void nullAndEmptyRenderAsNothing() {
        assertThat(markdown.toHtml(null)).isEmpty();
        assertThat(markdown.toHtml("")).isEmpty();
    }

    @Test
    void overlongInputIsCut() {
        String html = markdown.toHtml("a".repeat(Markdown.MAX_LENGTH) + "TAIL");

        assertThat(html).doesNotContain("TAIL").contains("a".repeat(1000));
    }

    @Test
    void thePolicyAloneDropsWhatTheRendererShouldNeverProduce() {
        String html = Markdown.sanitized("""
                <p class="x" style="color:red" onclick="x">text</p>
                <img src="x" onerror="alert(1)">
                <a href="javascript:alert(1)">js</a>
                <a href="https://ok" target="_blank" onmouseover="x">ok</a>
                <script>alert(1)</script><style>p{}</style><iframe src="https://evil"></iframe>
                <table><thead><tr><th>h</th></tr></thead><tbody><tr><td>d</td></tr></tbody></table>
                """);

        assertThat(html)
                .doesNotContain("<img")
                .doesNotContain("class=")
                .doesNotContain("style")
                .doesNotContain("target")
                .doesNotContainIgnoringCase("javascript")
                .doesNotContain("<script")
                .doesNotContain("alert")
                .doesNotContain("<iframe")
                .doesNotContainPattern(EVENT_HANDLER_IN_A_TAG)
                .contains("<p>text</p>")
                .containsPattern("<a href=\"https://ok\" rel=\"[a-z ]+\">ok</a>")
                .contains("<table><thead><tr><th>h</th></tr></thead><tbody><tr><td>d</td></tr></tbody></table>");
    }

    // The sanitizer writes the rel values in no fixed order.
    private static List<String> rels(String html) {
        Matcher rel = Pattern.compile("rel=\"([^\"]*)\"").matcher(html);
        assertThat(rel.find()).isTrue();
        return List.of(rel.group(1).split(" "));
    }
}
