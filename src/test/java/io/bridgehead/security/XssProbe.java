package io.bridgehead.security;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Watches a browser context for any sign that stored text became code: a dialog (alert, confirm, prompt), the marker
 * {@code window.__xss}, a script setting {@code document.title}, a Content Security Policy violation (event or console
 * message), a script error, a request to any other origin than the application, and — after each page has loaded —
 * markup no page of the application has: event-handler attributes, {@code javascript:}/{@code data:}/{@code
 * vbscript:} URLs, inline scripts or styles, frames, objects, {@code <base>}, {@code <meta http-equiv>}, or htmx
 * attributes pointing away. Markup that the CSP stops from running still fails: it was injected.
 */
final class XssProbe {

    /** Runs in every page before its own scripts: records title writes, dialogs and CSP violations. */
    private static final String INIT_SCRIPT = """
            (() => {
              window.__xssEvidence = [];
              const note = (what) => window.__xssEvidence.push(what);
              const title = Object.getOwnPropertyDescriptor(Document.prototype, 'title');
              Object.defineProperty(Document.prototype, 'title', {
                configurable: true,
                get() { return title.get.call(this); },
                set(value) { note('document.title set to ' + value); title.set.call(this, value); }
              });
              for (const name of ['alert', 'confirm', 'prompt', 'print']) {
                const original = window[name];
                window[name] = function () { note(name + '(' + Array.from(arguments).join(',') + ')');
                  return original.apply(this, arguments); };
              }
              document.addEventListener('securitypolicyviolation', (e) =>
                note('CSP violation: ' + e.violatedDirective + ' blocked ' + e.blockedURI
                  + ' (' + (e.sample || '') + ')'), true);
            })();
            """;

    /** Looks through the loaded page for markup the application never writes itself. */
    private static final String AUDIT_SCRIPT = """
            () => {
              const found = [];
              const origin = location.origin;
              const urlAttributes = ['href', 'src', 'action', 'formaction', 'xlink:href', 'data', 'poster',
                'background', 'srcset', 'ping', 'codebase', 'cite'];
              const dangerousScheme = /^[\\s\\u0000-\\u001f]*(javascript|vbscript|data)\\s*:/i;
              const describe = (el) => '<' + el.tagName.toLowerCase() + '> ' + el.outerHTML.slice(0, 160);
              for (const el of document.querySelectorAll('*')) {
                const tag = el.tagName.toLowerCase();
                if (['iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'base', 'portal'].includes(tag)) {
                  found.push('element ' + describe(el));
                }
                if (tag === 'meta' && el.hasAttribute('http-equiv')) { found.push('meta ' + describe(el)); }
                if (tag === 'script' && (el.textContent.trim() !== '' || !el.src.startsWith(origin + '/'))) {
                  found.push('script ' + describe(el));
                }
                if (tag === 'style') { found.push('style element ' + describe(el)); }
                if (tag === 'link' && el.href && !el.href.startsWith(origin + '/')) {
                  found.push('foreign link ' + describe(el));
                }
                // getAttribute, not el.action: a field named "action" would shadow the property.
                const action = el.getAttribute('action');
                if (tag === 'form' && action !== null && !new URL(action, location.href).href.startsWith(origin + '/')) {
                  found.push('foreign form ' + describe(el));
                }
                for (const attr of el.attributes) {
                  const name = attr.name.toLowerCase();
                  if (name.startsWith('on')) { found.push('handler ' + name + ' on ' + describe(el)); }
                  if (name === 'style' || name === 'srcdoc') { found.push(name + ' attribute on ' + describe(el)); }
                  if (urlAttributes.includes(name) && dangerousScheme.test(attr.value)) {
                    found.push('URL ' + name + '=' + attr.value + ' on ' + describe(el));
                  }
                  if ((name.startsWith('hx-') || name.startsWith('data-hx-'))
                      && /evil|alert|javascript|https?:/i.test(attr.value)) {
                    found.push('htmx ' + name + '=' + attr.value + ' on ' + describe(el));
                  }
                }
              }
              if (window.__xss !== undefined) { found.push('window.__xss = ' + window.__xss); }
              if (window.parent !== window) { found.push('page is framed'); }
              return found.concat(window.__xssEvidence || []);
            }
            """;

    /** What a person sees of the page: its rendered text and the values in its form fields. */
    private static final String SHOWN_SCRIPT = """
            () => [document.body.innerText].concat(
              Array.from(document.querySelectorAll('textarea, input:not([type=hidden]):not([type=password])'),
                (field) => field.value)).join('\\n')
            """;

    private final String origin;
    private final List<String> problems = new CopyOnWriteArrayList<>();
    private int pagesChecked;

    XssProbe(String origin) {
        this.origin = origin;
    }

    /** A new page of the context, watched: its dialogs are dismissed and recorded, foreign requests recorded. */
    Page watch(BrowserContext context) {
        context.addInitScript(INIT_SCRIPT);
        Page page = context.newPage();
        page.onDialog(dialog -> {
            problems.add(page.url() + ": dialog " + dialog.type() + " \"" + dialog.message() + "\"");
            dialog.dismiss();
        });
        page.onConsoleMessage(message -> {
            if ("error".equals(message.type())
                    || message.text().contains("Refused to")
                    || message.text().contains("Content Security Policy")) {
                problems.add(page.url() + ": console " + message.text());
            }
        });
        page.onPageError(error -> problems.add(page.url() + ": script error " + error));
        page.onRequest(request -> {
            String url = request.url();
            if (!url.startsWith(origin + "/") && !url.equals(origin)) {
                problems.add(page.url() + ": request to " + url);
            }
        });
        return page;
    }

    /**
     * Opens the path, lets focus and load events fire, and records what the page did or contains that it should not.
     * Returns what the page shows: its visible text and the values of its form fields.
     */
    String visit(Page page, String path) {
        Response response = page.navigate(origin + path);
        if (response == null || response.status() != 200) {
            problems.add(path + ": answered " + (response == null ? "nothing" : response.status()));
        } else if (!strict(response.headerValue("content-security-policy"))) {
            problems.add(path + ": weak Content-Security-Policy " + response.headerValue("content-security-policy"));
        }
        // Autofocus and onfocus handlers fire on focus; hover handlers when the pointer moves over the page.
        page.mouse().move(5, 5);
        page.mouse().move(400, 300);
        List<?> found = (List<?>) page.evaluate(AUDIT_SCRIPT);
        for (Object item : found) {
            problems.add(path + ": " + item);
        }
        pagesChecked++;
        return (String) page.evaluate(SHOWN_SCRIPT);
    }

    /** Records each expected text that is not among the page's visible text (the field dropped or mangled it). */
    void expectShown(String path, String visibleText, Collection<String> expected) {
        String normalised = normalise(visibleText);
        List<String> missing = new ArrayList<>();
        for (String text : expected) {
            if (!normalised.contains(normalise(text))) {
                missing.add(text);
            }
        }
        if (!missing.isEmpty()) {
            problems.add(path + ": not shown as text: " + missing);
        }
    }

    List<String> problems() {
        return problems;
    }

    int pagesChecked() {
        return pagesChecked;
    }

    /** A policy that lets only the application's own scripts and styles run and allows no plug-ins or base URL. */
    static boolean strict(String policy) {
        return policy != null
                && policy.contains("script-src 'self'")
                && policy.contains("style-src 'self'")
                && policy.contains("object-src 'none'")
                && policy.contains("base-uri 'none'")
                && policy.contains("frame-ancestors 'none'")
                && !policy.contains("unsafe-")
                && !policy.contains("*");
    }

    private static String normalise(String text) {
        return text.replaceAll("\\s+", " ").strip();
    }
}
