package io.bridgehead.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import io.bridgehead.support.Browser;
import io.bridgehead.support.TestWorkspaces;
import io.bridgehead.support.TestWorkspaces.TestUser;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.CookieManager;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * What a visitor's client sees from the real server (Tomcat), which MockMvc cannot show: no header or error page names
 * the server software or its version, error pages rendered by the container's error dispatch carry the same security
 * headers as pages, and Chromium accepts the headers without complaint. Same configuration as the browser journeys.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@DirtiesContext
class SecurityHeadersOverHttpTest {

    static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    @LocalServerPort
    int port;

    @Autowired
    TestWorkspaces testWorkspaces;

    final HttpClient http = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    @Test
    void pagesErrorPagesAndFilesNameNoServerSoftwareAndCarryTheSecurityHeaders() throws Exception {
        List<HttpResponse<String>> responses = List.of(
                get("/login"),
                get("/css/app.css"),
                get("/clients"), // not signed in: a redirect to sign-in
                get("/portal/no-such-workspace/login"), // an unknown portal: the not-found page
                send(HttpRequest.newBuilder(url("/login"))
                        .header("Accept", "text/html")
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("email=a%40b.test&password=x"))
                        .build())); // no CSRF token: the refusal page

        assertThat(responses).extracting(HttpResponse::statusCode).containsExactly(200, 200, 302, 404, 403);
        for (HttpResponse<String> response : responses) {
            String what = response.request().method() + " " + response.uri().getPath() + " " + response.statusCode();
            assertThat(response.headers().firstValue("Server")).as(what).isEmpty();
            assertThat(response.headers().firstValue("X-Powered-By")).as(what).isEmpty();
            assertThat(response.body()).as(what).doesNotContainIgnoringCase("tomcat");
            assertThat(response.headers().firstValue("Content-Security-Policy"))
                    .as(what)
                    .hasValueSatisfying(csp -> assertThat(csp)
                            .contains("script-src 'self'", "frame-ancestors 'none'")
                            .doesNotContain("unsafe-inline", "unsafe-eval"));
            assertThat(response.headers().firstValue("X-Content-Type-Options"))
                    .as(what)
                    .hasValue("nosniff");
            assertThat(response.headers().firstValue("X-Frame-Options"))
                    .as(what)
                    .hasValue("DENY");
            assertThat(response.headers().firstValue("Referrer-Policy"))
                    .as(what)
                    .hasValue("no-referrer");
        }
        assertThat(responses.get(3).body()).contains("Page not found");
        assertThat(responses.get(4).body()).contains("This form expired or was not sent from this site.");
    }

    @Test
    void aSignedInUsersPagesAndErrorPagesAreNotStoredAndCarryTheHeaders() throws Exception {
        TestUser admin = testWorkspaces.create("Headers over HTTP").admin();
        HttpClient browser = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .cookieHandler(new CookieManager())
                .build();
        String signInPage = browser.send(
                        HttpRequest.newBuilder(url("/login")).GET().build(), HttpResponse.BodyHandlers.ofString())
                .body();
        Matcher token = CSRF_FIELD.matcher(signInPage);
        assertThat(token.find()).as("CSRF field on the sign-in page").isTrue();
        HttpResponse<String> signedIn = browser.send(
                HttpRequest.newBuilder(url("/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("email="
                                + URLEncoder.encode(admin.email(), StandardCharsets.UTF_8) + "&password="
                                + URLEncoder.encode(admin.password(), StandardCharsets.UTF_8) + "&_csrf="
                                + URLEncoder.encode(token.group(1), StandardCharsets.UTF_8)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).doesNotContain("error"));

        for (String path : List.of("/", "/clients", "/no-such-page")) {
            HttpResponse<String> page = browser.send(
                    HttpRequest.newBuilder(url(path))
                            .header("Accept", "text/html")
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(page.statusCode()).as(path).isEqualTo(path.equals("/no-such-page") ? 404 : 200);
            assertThat(page.headers().firstValue("Cache-Control"))
                    .as(path)
                    .hasValueSatisfying(c -> assertThat(c).contains("no-store"));
            assertThat(page.headers().firstValue("Content-Security-Policy"))
                    .as(path)
                    .hasValueSatisfying(csp -> assertThat(csp).contains("script-src 'self'", "frame-ancestors 'none'"));
            assertThat(page.headers().firstValue("X-Content-Type-Options"))
                    .as(path)
                    .hasValue("nosniff");
            assertThat(page.headers().firstValue("Server")).as(path).isEmpty();
        }
    }

    @Test
    void aRequestTomcatRefusesItselfDoesNotNameTheServerEither() throws IOException {
        // A malformed percent-escape is refused by the connector before Spring sees it.
        String answer = raw("GET /login%zz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");

        assertThat(answer).startsWith("HTTP/1.1 400");
        String lower = answer.toLowerCase(Locale.ROOT);
        assertThat(lower).doesNotContain("tomcat").doesNotContain("\nserver:").doesNotContain("x-powered-by");
    }

    @Test
    void noTraceNoDirectoryListingAndNoMonitoringOnThePublicPort() throws Exception {
        HttpResponse<String> trace = send(HttpRequest.newBuilder(url("/login"))
                .header("X-Probe", "echo-me-back")
                .method("TRACE", HttpRequest.BodyPublishers.noBody())
                .build());
        HttpResponse<String> folder = get("/css/");
        HttpResponse<String> health = get("/actuator/health");
        HttpResponse<String> metrics = get("/actuator/prometheus");

        assertThat(trace.statusCode()).isEqualTo(405);
        assertThat(trace.body()).doesNotContain("echo-me-back");
        assertThat(folder.statusCode()).isIn(302, 404);
        // Tomcat's listing page is titled "Directory Listing For /css/"; the not-found page only links app.css.
        assertThat(folder.body()).doesNotContain("Directory Listing").doesNotContain("Index of");
        for (HttpResponse<String> monitoring : List.of(health, metrics)) {
            assertThat(monitoring.statusCode()).as(monitoring.uri().getPath()).isIn(302, 404);
            assertThat(monitoring.body()).doesNotContain("\"UP\"").doesNotContain("jvm_");
        }
    }

    @Test
    void chromiumAcceptsTheHeadersWithoutComplaint() {
        List<String> problems = new ArrayList<>();
        try (Browser browser = new Browser();
                BrowserContext context = browser.newContext()) {
            Page page = context.newPage();
            page.onConsoleMessage(message -> {
                if ("error".equals(message.type()) || "warning".equals(message.type())) {
                    problems.add(message.text());
                }
            });
            page.onPageError(error -> problems.add(error));

            Response response = page.navigate(url("/login").toString());

            assertThat(response.status()).isEqualTo(200);
            assertThat(response.headerValue("permissions-policy")).contains("camera=()");
            assertThat(page.getByLabel("E-mail").isVisible()).isTrue();
            // The sign-in page's own script ran (htmx from /webjars is loaded under the policy).
            assertThat(page.evaluate("() => typeof window.htmx")).isEqualTo("object");
        }
        assertThat(problems)
                .as("console errors and warnings, CSP refusals and header parse errors")
                .isEmpty();
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(url(path))
                .header("Accept", "text/html")
                .GET()
                .build());
    }

    private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private String raw(String request) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    private URI url(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
