package io.bridgehead.shared.web;

import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Renders a text field's Markdown exactly as it will be shown (sanitised), for the Preview buttons. */
@RestController
class MarkdownPreviewController {

    private final Markdown markdown;

    MarkdownPreviewController(Markdown markdown) {
        this.markdown = markdown;
    }

    /** htmx posts the one field named in hx-include; whatever its name, that text is previewed. */
    @PostMapping(value = "/markdown/preview", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> preview(@RequestParam Map<String, String> fields) {
        String text = fields.entrySet().stream()
                .filter(field -> !field.getKey().startsWith("_"))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElse("");
        String html = markdown.toHtml(text);
        return ResponseEntity.ok(html.isBlank() ? "<p class=\"muted\">Nothing to preview.</p>" : html);
    }
}
