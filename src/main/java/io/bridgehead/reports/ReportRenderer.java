package io.bridgehead.reports;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Lays out a {@link ReportDocument} as PDF: HTML from a Thymeleaf template under {@code templates/reports-pdf/}, then
 * OpenHTMLtoPDF with the DejaVu fonts embedded (Latin, Greek and Cyrillic on any machine). Touches no database.
 */
@Component
final class ReportRenderer {

    /** The PDF and its page count. */
    record Rendered(byte[] pdf, int pages) {}

    private static final String FONT_FAMILY = "DejaVu Sans";

    private final TemplateEngine templates = pdfTemplateEngine();
    private final byte[] regular = font("/fonts/DejaVuSans.ttf");
    private final byte[] bold = font("/fonts/DejaVuSans-Bold.ttf");

    /*
     * Its own engine, not the application's: no application context, so templates cannot reach beans, and templates
     * come only from the classpath folder of report templates.
     */
    private static TemplateEngine pdfTemplateEngine() {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver(ReportRenderer.class.getClassLoader());
        resolver.setPrefix("templates/reports-pdf/");
        resolver.setSuffix(".html");
        resolver.setTemplateMode(TemplateMode.HTML);
        resolver.setCharacterEncoding(StandardCharsets.UTF_8.name());
        resolver.setCacheable(true);
        SpringTemplateEngine engine = new SpringTemplateEngine();
        engine.setEnableSpringELCompiler(false);
        engine.setTemplateResolver(resolver);
        return engine;
    }

    String html(ReportDocument document) {
        return html(document, ReportStyle.DEFAULT);
    }

    /* The template's parts are variable values only; the one template the engine parses is our default.html. */
    String html(ReportDocument document, ReportStyle style) {
        Context context = new Context();
        context.setVariable("r", document);
        context.setVariable("t", style.filledFrom(document));
        context.setVariable("templateCss", style.css());
        return templates.process("default", context);
    }

    Rendered render(ReportDocument document) {
        return render(document, ReportStyle.DEFAULT);
    }

    Rendered render(ReportDocument document, ReportStyle style) {
        String html = html(document, style);
        ByteArrayOutputStream out = new ByteArrayOutputStream(256 * 1024);
        PdfRendererBuilder builder = new PdfRendererBuilder();
        builder.useFastMode();
        builder.useFont(() -> new ByteArrayInputStream(regular), FONT_FAMILY, 400, FontStyle.NORMAL, true);
        builder.useFont(() -> new ByteArrayInputStream(bold), FONT_FAMILY, 700, FontStyle.NORMAL, true);
        // Nothing is fetched: images come inline as data: URIs, anything else (links in Markdown) is not loaded.
        builder.useUriResolver((base, uri) -> uri != null && uri.startsWith("data:") ? uri : null);
        builder.withHtmlContent(html, null);
        builder.toStream(out);
        try {
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] pdf = out.toByteArray();
        return new Rendered(pdf, pageCount(pdf));
    }

    private static int pageCount(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return document.getNumberOfPages();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] font(String path) {
        try (InputStream in = ReportRenderer.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("Missing font " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
