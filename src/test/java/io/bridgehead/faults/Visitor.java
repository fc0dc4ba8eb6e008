package io.bridgehead.faults;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** A browser without a browser: one cookie jar, no redirects followed, forms sent with the page's CSRF token. */
final class Visitor {

    /** Far below the 30 s a request waited for a connection before: a request that hangs fails the test. */
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final ForkedApplication application;
    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient client;

    Visitor(ForkedApplication application) {
        this.application = application;
        this.client = HttpClient.newBuilder()
                .cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    HttpResponse<String> get(String path) {
        return get(path, "text/html");
    }

    HttpResponse<String> get(String path, String accept) {
        return send(request(path).header("Accept", accept).GET());
    }

    /** Posts the form on {@code formPage} with these fields and the page's CSRF token. */
    HttpResponse<String> submit(String formPage, String action, Map<String, String> fields) {
        String body = fields.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&", "_csrf=" + encode(csrfOf(formPage)) + "&", ""));
        return send(request(action)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** A multipart form with one file, sent without waiting for the answer. */
    CompletableFuture<HttpResponse<String>> upload(
            String formPage,
            String action,
            Map<String, String> fields,
            String fileField,
            String fileName,
            byte[] file) {
        String boundary = "----bridgehead" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        part(body, boundary, "_csrf", null, csrfOf(formPage).getBytes(StandardCharsets.UTF_8));
        fields.forEach((name, value) -> part(body, boundary, name, null, value.getBytes(StandardCharsets.UTF_8)));
        part(body, boundary, fileField, fileName, file);
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return client.sendAsync(
                request(action)
                        .timeout(Duration.ofSeconds(60))
                        .header("Accept", "text/html")
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The cookies this visitor holds for the application, as a Cookie request header value. */
    String cookieHeader() {
        return cookies.getCookieStore().getCookies().stream()
                .map(c -> c.getName() + "=" + c.getValue())
                .collect(Collectors.joining("; "));
    }

    String csrfOf(String page) {
        HttpResponse<String> response = get(page);
        Matcher matcher = CSRF.matcher(response.body());
        if (!matcher.find()) {
            throw new AssertionError("No CSRF token on " + page + " (" + response.statusCode() + ")");
        }
        return matcher.group(1);
    }

    private static void part(ByteArrayOutputStream body, String boundary, String name, String fileName, byte[] value) {
        String header = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\""
                + (fileName == null ? "" : "; filename=\"" + fileName + "\"\r\nContent-Type: image/png") + "\r\n\r\n";
        body.writeBytes(header.getBytes(StandardCharsets.UTF_8));
        body.writeBytes(value);
        body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(application.url(path))).timeout(REQUEST_TIMEOUT);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
