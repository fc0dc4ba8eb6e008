package io.bridgehead.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import io.bridgehead.access.PlatformRole;
import io.bridgehead.shared.tenant.ScopedTransactions;
import io.bridgehead.support.Html;
import io.bridgehead.support.IntegrationTest;
import io.bridgehead.support.SignIn;
import io.bridgehead.support.TestMail;
import io.bridgehead.support.TestWorkspaces;
import io.bridgehead.support.TestWorkspaces.TestUser;
import io.bridgehead.support.TestWorkspaces.TestWorkspace;
import jakarta.servlet.http.Cookie;
import java.io.IOException;
import java.net.ServerSocket;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MailOutboxTest {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    io.bridgehead.identity.PasswordResetRequests resetRequests;

    @Autowired
    TestWorkspaces testWorkspaces;

    @Autowired
    Outbox outbox;

    @Autowired
    MailOutbox mailOutbox;

    @Autowired
    ScopedTransactions transactions;

    @Autowired
    JdbcTemplate jdbc;

    TestWorkspace workspace;
    TestWorkspace otherWorkspace;
    Cookie admin;
    Cookie otherAdmin;

    @BeforeAll
    void createWorkspaces() {
        workspace = testWorkspaces.create("Mail outbox");
        otherWorkspace = testWorkspaces.create("Mail outbox elsewhere");
        admin = SignIn.as(mvc, workspace.admin());
        otherAdmin = SignIn.as(mvc, otherWorkspace.admin());
    }

    record OutboxRow(String status, int attempts, String lastError, Instant nextAttemptAt) {}

    @Test
    void mailWaitsThroughAnSmtpOutageAndIsSentOnceTheServerIsBack() throws IOException {
        outbox.flush(); // so the failing dispatcher below claims only this test's message
        String recipient = newAddress();
        invite(admin, recipient);
        MailDispatcher duringOutage = dispatcherFor(smtpServerThatIsDown());

        Instant beforeAttempt = Instant.now();
        duringOutage.dispatchDue();

        OutboxRow failed = row(recipient);
        assertThat(failed.status()).isEqualTo("PENDING");
        assertThat(failed.attempts()).isEqualTo(1);
        assertThat(failed.lastError()).startsWith("MailSendException");
        assertThat(failed.nextAttemptAt()).isAfter(beforeAttempt.plusSeconds(10));
        assertThat(TestMail.to(recipient)).isEmpty();
        assertThat(statusOnMailPage(admin, recipient)).isEqualTo("Waiting");
        assertThat(mvc.get().uri("/admin/mail").cookie(admin))
                .bodyText()
                .contains("Last attempt failed: MailSendException");

        outbox.flush();
        assertThat(TestMail.to(recipient)).as("not retried before its time").isEmpty();

        int due = transactions.writeAs(
                workspace.id(),
                () -> jdbc.update(
                        "update mail_outbox set next_attempt_at = ? where recipient = ?",
                        Timestamp.from(Instant.now()),
                        recipient));
        assertThat(due).isEqualTo(1);
        outbox.flush();

        assertThat(TestMail.to(recipient)).hasSize(1);
        OutboxRow sent = row(recipient);
        assertThat(sent.status()).isEqualTo("SENT");
        assertThat(sent.attempts()).isEqualTo(2);
        assertThat(sent.lastError()).isNull();
        assertThat(statusOnMailPage(admin, recipient)).isEqualTo("Sent");
        assertThat(mvc.get().uri("/admin/mail").cookie(admin)).bodyText().doesNotContain("Last attempt failed");
    }

    @Test
    void aSubjectLongerThanItsColumnIsCutToOneLineInsteadOfFailingTheChangeThatQueuedIt() throws Exception {
        String recipient = newAddress();
        // What a notification about a finding with a 200-character title in a long-named workspace looks like.
        String subject = "Workspace name: F-12 " + "Stored XSS ".repeat(30) + "\r\nBcc: victim@example.test";
        transactions.writeAs(workspace.id(), () -> {
            mailOutbox.queue(recipient, subject, "Body");
            return null;
        });
        outbox.flush();

        String sent = TestMail.to(recipient).get(0).getSubject();
        assertThat(sent).hasSize(200).endsWith("…").startsWith("Workspace name: F-12 Stored XSS");
        assertThat(sent).doesNotContain("\r").doesNotContain("\n");
        assertThat(TestMail.to("victim@example.test")).isEmpty();
    }

    @Test
    void mailPageListsOnlyTheWorkspacesOwnMail() {
        String ours = newAddress();
        String theirs = newAddress();
        invite(admin, ours);
        invite(otherAdmin, theirs);

        assertThat(mvc.get().uri("/admin/mail").cookie(admin))
                .hasStatusOk()
                .bodyText()
                .contains(ours)
                .doesNotContain(theirs)
                .doesNotContain(otherWorkspace.name());
        assertThat(mvc.get().uri("/admin/mail").cookie(otherAdmin))
                .hasStatusOk()
                .bodyText()
                .contains(theirs)
                .doesNotContain(ours)
                .doesNotContain(workspace.name());
    }

    @Test
    void oneTimeLinksAreHiddenFromAdminsAndErasedOnceDelivered() {
        String invited = newAddress();
        invite(admin, invited);
        TestUser user = testWorkspaces.addUser(workspace, PlatformRole.ANALYST);
        assertThat(mvc.post()
                        .uri("/password/forgot")
                        .param("email", user.email())
                        .with(csrf()))
                .hasStatusOk();
        resetRequests.awaitHandled();

        assertThat(mvc.get().uri("/admin/mail").cookie(admin))
                .hasStatusOk()
                .bodyText()
                .contains("Reset your Bridgehead password")
                .contains("The content is hidden")
                .doesNotContain("/password/reset?token=")
                .doesNotContain("/invitations/");

        outbox.flush();
        assertThat(TestMail.linkTo(user.email(), "/password/reset")).contains("token=");
        String stored = transactions.readAs(
                workspace.id(),
                () -> jdbc.queryForObject(
                        "select body from mail_outbox where recipient = ?", String.class, user.email()));
        assertThat(stored).isEqualTo(MailDispatcher.DELIVERED_PRIVATE);
    }

    private MailDispatcher dispatcherFor(JavaMailSender sender) {
        StaticListableBeanFactory beans = new StaticListableBeanFactory(Map.of("mailSender", sender));
        return new MailDispatcher(
                beans.getBeanProvider(JavaMailSender.class),
                jdbc,
                transactions,
                new MailProperties("Bridgehead <no-reply@bridgehead.local>", Duration.ofHours(1), 10),
                Clock.systemUTC());
    }

    private static JavaMailSender smtpServerThatIsDown() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(port);
        sender.getJavaMailProperties().put("mail.smtp.connectiontimeout", "2000");
        sender.getJavaMailProperties().put("mail.smtp.timeout", "2000");
        return sender;
    }

    private void invite(Cookie session, String email) {
        assertThat(mvc.post()
                        .uri("/admin/users/invite")
                        .cookie(session)
                        .param("email", email)
                        .param("role", "VIEWER")
                        .with(csrf()))
                .hasRedirectedUrl("/admin/users");
    }

    private OutboxRow row(String recipient) {
        return transactions.readAs(
                workspace.id(),
                () -> jdbc.queryForObject(
                        "select status, attempts, last_error, next_attempt_at from mail_outbox where recipient = ?",
                        (rs, i) -> new OutboxRow(
                                rs.getString(1),
                                rs.getInt(2),
                                rs.getString(3),
                                rs.getTimestamp(4).toInstant()),
                        recipient));
    }

    /** The badge on the message's card on the Outgoing mail page. */
    private String statusOnMailPage(Cookie session, String recipient) {
        String page = Html.of(mvc.get().uri("/admin/mail").cookie(session).exchange());
        Matcher matcher = Pattern.compile("<span>" + Pattern.quote(recipient)
                        + "</span>[\\s\\S]*?<span class=\"badge[^\"]*\">([^<]+)</span>")
                .matcher(page);
        assertThat(matcher.find()).as("mail to %s listed", recipient).isTrue();
        return matcher.group(1);
    }

    private static String newAddress() {
        return "mail-" + UUID.randomUUID().toString().substring(0, 8) + "@test.local";
    }
}
