package io.bridgehead.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.bridgehead.support.TestClients;
import io.bridgehead.support.TestMail;
import java.awt.Color;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Faults a running Bridgehead must survive, on a forked application with a PostgreSQL of its own (started once for all
 * checks: a JVM and a database cost seconds): the database going away and coming back, the process killed with
 * SIGKILL in the middle of a write, and mail waiting in the outbox across that crash.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultToleranceTest {

    private static final String ADMIN = "admin@demo.local";
    private static final String PASSWORD = "Fault-tolerant-Heron-4821";
    private static final String HALF_WRITTEN = "Half-written Holdings";
    private static final String FIRST_NOTE = "First note, written in the same transaction as the client";
    private static final List<String> INVITED =
            List.of("outbox-one@faults.test", "outbox-two@faults.test", "outbox-three@faults.test");

    FaultDatabase database;
    JdbcTemplate sql;
    int port;
    ForkedApplication application;
    Visitor admin;
    String slug;

    @BeforeAll
    void startApplication() throws Exception {
        database = FaultDatabase.create();
        sql = new JdbcTemplate(database.asSuperuser());
        port = FaultDatabase.freePort();
        // Mail is not dispatched by this first instance: the outbox must carry it over the crash.
        application = ForkedApplication.start("first-start", port, arguments("1h"));
        admin = signInAsDemoAdmin(application, application.oneTimeAdminPassword());
        slug = sql.queryForObject("select slug from workspace", String.class);
    }

    @AfterAll
    void stopApplication() throws Exception {
        if (application != null) {
            application.stop();
        }
        if (database != null) {
            database.close();
        }
    }

    @Test
    @Order(1)
    void withTheDatabaseDownPagesAnswer503QuicklyAndTheApplicationRecoversWhenItReturns() throws Exception {
        assertThat(admin.get("/projects").statusCode()).isEqualTo(200);

        database.stop();
        try {
            // At once: each waits for the pool's connection timeout, and they must not queue behind each other.
            CompletableFuture<HttpResponse<String>> staff = CompletableFuture.supplyAsync(() -> admin.get("/projects"));
            CompletableFuture<HttpResponse<String>> anonymous =
                    CompletableFuture.supplyAsync(() -> new Visitor(application).get("/password/forgot"));
            CompletableFuture<HttpResponse<String>> portal =
                    CompletableFuture.supplyAsync(() -> new Visitor(application).get("/portal/" + slug + "/login"));
            CompletableFuture<HttpResponse<String>> api =
                    CompletableFuture.supplyAsync(() -> admin.get("/projects", "application/json"));

            assertUnavailablePage(staff.get(), "Bridgehead is briefly unavailable");
            assertUnavailablePage(anonymous.get(), "Bridgehead is briefly unavailable");
            assertUnavailablePage(portal.get(), "The portal is briefly unavailable");
            assertThat(portal.get().body()).doesNotContain("Bridgehead");
            HttpResponse<String> json = api.get();
            assertThat(json.statusCode()).isEqualTo(503);
            assertThat(json.headers().firstValue("Content-Type")).hasValue("application/problem+json;charset=UTF-8");
            assertThat(json.body()).contains("\"status\":503").doesNotContain("Exception");
        } finally {
            database.start();
        }

        // Same process, same session: the pool reconnects by itself.
        HttpResponse<String> back = eventually(() -> admin.get("/projects"), r -> r.statusCode() == 200);
        assertThat(back.body()).contains("Demo Admin");
        assertThat(application.isAlive()).isTrue();
        // Every worker thread is healthy again: none kept a connection from a transaction that failed to begin.
        for (int i = 0; i < 30; i++) {
            assertThat(admin.get("/projects").statusCode()).as("request " + i).isEqualTo(200);
        }
    }

    @Test
    @Order(2)
    void anUploadAboveTheServerLimitIsRefusedBeforeItIsReadAndNothingIsStored() throws Exception {
        // Above spring.servlet.multipart.max-request-size (26 MB): the container stops reading at the limit.
        byte[] oversize = new byte[27 * 1024 * 1024];
        byte[] png = TestClients.png(64, 64, Color.RED);
        System.arraycopy(png, 0, oversize, 0, png.length);

        HttpResponse<String> response = admin.upload(
                        "/clients/new",
                        "/clients/new",
                        Map.of("name", "Oversize Ltd", "contactEmail", "it@oversize.test"),
                        "file",
                        "logo.png",
                        oversize)
                .get();

        assertThat(response.statusCode()).as(response.body()).isEqualTo(413);
        assertThat(response.body()).contains("<h1>The file is too large</h1>", "evidence files 20 MB");
        assertThat(count("client where name = ?", "Oversize Ltd")).isZero();
        assertThat(count("client_logo", null)).isZero();
    }

    @Test
    @Order(2)
    void anUploadAnnouncingMoreThanTheLimitIsAnsweredBeforeItsBodyIsSent() throws Exception {
        // Announces 200 MB but sends one kilobyte: only a check of the declared length can answer now.
        String boundary = "----bridgehead-partial";
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout((int) Visitor.REQUEST_TIMEOUT.toMillis());
            OutputStream out = socket.getOutputStream();
            out.write(("POST /clients/new HTTP/1.1\r\nHost: localhost:" + port + "\r\nCookie: " + admin.cookieHeader()
                            + "\r\nAccept: text/html\r\nContent-Type: multipart/form-data; boundary=" + boundary
                            + "\r\nContent-Length: " + 200L * 1024 * 1024 + "\r\n\r\n--" + boundary
                            + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"logo.png\"\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.write(new byte[1024]);
            out.flush();

            String statusLine = new BufferedReader(
                            new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1))
                    .readLine();
            assertThat(statusLine).startsWith("HTTP/1.1 413");
        }
    }

    @Test
    @Order(4)
    void aKilledProcessLeavesNoHalfWrittenClientAndQueuedMailIsSentOnceAfterTheRestart() throws Exception {
        for (String address : INVITED) {
            HttpResponse<String> invited = admin.submit(
                    "/admin/users/invite", "/admin/users/invite", Map.of("email", address, "role", "ANALYST"));
            assertThat(invited.statusCode()).isEqualTo(302);
        }
        assertThat(outboxStatuses()).containsOnly("PENDING").hasSize(3);
        byte[] logo = TestClients.png(64, 64, Color.ORANGE);

        CompletableFuture<HttpResponse<String>> creation;
        int blockedBackend;
        // The test holds a lock the creation needs for its last row, so the request stops inside its transaction.
        try (Connection lock = database.asSuperuser().getConnection();
                Statement statement = lock.createStatement()) {
            lock.setAutoCommit(false);
            statement.execute("lock table client_logo in share mode");
            creation = admin.upload(
                    "/clients/new",
                    "/clients/new",
                    Map.of("name", HALF_WRITTEN, "contactEmail", "cfo@half.test", "note", FIRST_NOTE),
                    "file",
                    "logo.png",
                    logo);
            blockedBackend = eventually(this::backendWaitingToInsertTheLogo, pid -> pid != null);
            assertThat(relationsWrittenBy(blockedBackend))
                    .as("the client row is written, uncommitted, when the process dies")
                    .contains("client");

            application.kill9();
            lock.rollback();
        }
        assertThat(creation).failsWithin(Duration.ofSeconds(10));
        eventually(() -> backendExists(blockedBackend), exists -> !exists);

        assertThat(count("client where name = ?", HALF_WRITTEN)).isZero();
        assertThat(count("client_note where body = ?", FIRST_NOTE)).isZero();
        assertThat(count("client_logo", null)).isZero();
        assertThat(outboxStatuses()).containsOnly("PENDING").hasSize(3);
        INVITED.forEach(address -> assertThat(TestMail.to(address)).isEmpty());

        application = ForkedApplication.start("after-kill", port, arguments("1s"));
        Visitor again = new Visitor(application);
        signIn(again, PASSWORD);
        HttpResponse<String> created = again.upload(
                        "/clients/new",
                        "/clients/new",
                        Map.of("name", HALF_WRITTEN, "contactEmail", "cfo@half.test", "note", FIRST_NOTE),
                        "file",
                        "logo.png",
                        logo)
                .get();
        assertThat(created.statusCode()).isEqualTo(302);
        assertThat(count("client where name = ?", HALF_WRITTEN)).isOne();
        assertThat(count("client_note where body = ?", FIRST_NOTE)).isOne();
        assertThat(count("client_logo", null)).isOne();

        eventually(this::outboxStatuses, statuses -> statuses.stream().allMatch("SENT"::equals));
        INVITED.forEach(address -> assertThat(TestMail.to(address)).as(address).hasSize(1));
    }

    private static void assertUnavailablePage(HttpResponse<String> response, String heading) {
        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("text/html;charset=UTF-8");
        assertThat(response.headers().firstValue("Retry-After")).hasValue("30");
        assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(response.headers().firstValue("Content-Security-Policy")).isPresent();
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(response.body())
                .contains("<h1>" + heading + "</h1>")
                .doesNotContain("Exception", "at io.", "org.postgresql", "SQL");
    }

    private List<String> arguments(String dispatchInterval) {
        List<String> arguments = new ArrayList<>(database.applicationArguments());
        arguments.add("--bridgehead.mail.dispatch-interval=" + dispatchInterval);
        arguments.add("--bridgehead.jobs.poll-interval=1h");
        arguments.add("--spring.mail.host=127.0.0.1");
        arguments.add("--spring.mail.port=" + TestMail.port());
        return arguments;
    }

    /** Signs in with the one-time password and chooses the test's own, as the first start asks. */
    private static Visitor signInAsDemoAdmin(ForkedApplication application, String oneTimePassword) {
        Visitor visitor = new Visitor(application);
        signIn(visitor, oneTimePassword);
        HttpResponse<String> changed = visitor.submit(
                "/account/password",
                "/account/password",
                Map.of("currentPassword", oneTimePassword, "newPassword", PASSWORD, "confirmPassword", PASSWORD));
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(302);
        return visitor;
    }

    private static void signIn(Visitor visitor, String password) {
        HttpResponse<String> signedIn =
                visitor.submit("/login", "/login", Map.of("email", ADMIN, "password", password));
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
    }

    private Integer backendWaitingToInsertTheLogo() {
        return sql
                .query(
                        "select pid from pg_stat_activity where wait_event_type = 'Lock'"
                                + " and query like 'insert into client_logo%'",
                        (rs, i) -> rs.getInt(1))
                .stream()
                .findFirst()
                .orElse(null);
    }

    private List<String> relationsWrittenBy(int pid) {
        return sql.queryForList(
                "select c.relname from pg_locks l join pg_class c on c.oid = l.relation"
                        + " where l.pid = ? and l.mode = 'RowExclusiveLock' and l.granted",
                String.class,
                pid);
    }

    private boolean backendExists(int pid) {
        return sql.queryForObject("select count(*) from pg_stat_activity where pid = ?", Integer.class, pid) > 0;
    }

    private List<String> outboxStatuses() {
        return sql.queryForList("select status from mail_outbox where recipient = any(?)", String.class, (Object)
                INVITED.toArray(String[]::new));
    }

    private int count(String from, String parameter) {
        String query = "select count(*) from " + from;
        return parameter == null
                ? sql.queryForObject(query, Integer.class)
                : sql.queryForObject(query, Integer.class, parameter);
    }

    /** Polls until the condition holds, for at most a minute (asynchronous work: reconnecting, sending, ending). */
    private static <T> T eventually(Supplier<T> probe, java.util.function.Predicate<T> done) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        T last = null;
        while (Instant.now().isBefore(deadline)) {
            try {
                last = probe.get();
                if (done.test(last)) {
                    return last;
                }
            } catch (RuntimeException e) {
                // not yet
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("Still not done after a minute; last seen: " + last);
    }
}
