package io.bridgehead.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import io.bridgehead.access.PlatformRole;
import io.bridgehead.notifications.Outbox;
import io.bridgehead.shared.tenant.ScopedTransactions;
import io.bridgehead.support.Html;
import io.bridgehead.support.IntegrationTest;
import io.bridgehead.support.SignIn;
import io.bridgehead.support.TestMail;
import io.bridgehead.support.TestWorkspaces;
import io.bridgehead.support.TestWorkspaces.TestUser;
import io.bridgehead.support.TestWorkspaces.TestWorkspace;
import jakarta.servlet.http.Cookie;
import java.net.URI;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PasswordResetFlowTest {

    private static final String NEW_PASSWORD = "Granite-Willow-58-Comet";
    private static final String SENT = "If an account exists for that address, we have sent it a link";
    private static final String INVALID_LINK = "This link is invalid or has expired.";

    private final AtomicInteger ips = new AtomicInteger();

    @Autowired
    MockMvcTester mvc;

    @Autowired
    TestWorkspaces testWorkspaces;

    @Autowired
    Outbox outbox;

    @Autowired
    ScopedTransactions transactions;

    @Autowired
    JdbcTemplate jdbc;

    TestWorkspace workspace;

    @BeforeAll
    void createWorkspace() {
        workspace = testWorkspaces.create("Password reset");
    }

    @Test
    void unknownAndKnownAddressesGetTheSamePageButOnlyTheKnownOneGetsMail() throws Exception {
        TestUser user = testWorkspaces.addUser(workspace, PlatformRole.ANALYST);
        String unknown = "nobody-" + UUID.randomUUID().toString().substring(0, 8) + "@test.local";

        MvcTestResult forUnknown = requestReset(unknown);
        MvcTestResult forKnown = requestReset(user.email());
        outbox.flush();

        assertThat(forUnknown).hasStatusOk().bodyText().contains(SENT);
        assertThat(forKnown).hasStatusOk();
        assertThat(Html.main(Html.of(forKnown))).isEqualTo(Html.main(Html.of(forUnknown)));
        assertThat(TestMail.to(unknown)).isEmpty();
        assertThat(TestMail.to(user.email())).hasSize(1);
        assertThat(TestMail.to(user.email()).get(0).getSubject()).isEqualTo("Reset your Bridgehead password");
    }

    @Test
    void deactivatedUserGetsNoResetMail() {
        TestUser user = testWorkspaces.addUser(workspace, PlatformRole.ANALYST);
        Cookie admin = SignIn.as(mvc, workspace.admin());
        assertThat(mvc.post()
                        .uri("/admin/users/{id}/deactivate", user.id())
                        .cookie(admin)
                        .with(csrf()))
                .hasRedirectedUrl("/admin/users/" + user.id());

        assertThat(requestReset(user.email())).hasStatusOk().bodyText().contains(SENT);
        outbox.flush();

        assertThat(TestMail.to(user.email())).isEmpty();
    }

    @Test
    void linkOfAUserDeactivatedMeanwhileNoLongerOpens() {
        TestUser user = testWorkspaces.addUser(workspace, PlatformRole.ANALYST);
        requestReset(user.email());
        outbox.flush();
        String link = pathAndQuery(TestMail.linkTo(user.email(), "/password/reset"));
        Cookie admin = SignIn.as(mvc, workspace.admin());
        assertThat(mvc.post()
                        .uri("/admin/users/{id}/deactivate", user.id())
                        .cookie(admin)
                        .with(csrf()))
                .hasRedirectedUrl("/admin/users/" + user.id());

        assertThat(mvc.get().uri(link)).hasStatus(410).bodyText().contains("invalid or has expired");
    }

    @Test
    void linkFromTheMailSetsANewPasswordOnce() {
        TestUser user = testWorkspaces.addUser(workspace, PlatformRole.ANALYST);
        requestReset(user.email());
        outbox.flush();
        String link = pathAndQuery(TestMail.linkTo(user.email(), "/password/reset"));

        assertThat(mvc.get().uri(link)).hasStatusOk().bodyText().contains("Choose a new password");

        MvcTestResult tooShort = reset(link, "Short-pw-1", "Short-pw-1");
        assertThat(tooShort).hasStatusOk();
        assertThat(Html.fieldError(Html.of(tooShort), "newPassword")).isEqualTo("Use at least 12 characters.");
        MvcTestResult mismatch = reset(link, NEW_PASSWORD, NEW_PASSWORD + "!");
        assertThat(Html.fieldError(Html.of(mismatch), "confirmPassword")).isEqualTo("The two passwords do not match.");
        assertThat(SignIn.attempt(mvc, user.email(), user.password(), nextIp())).hasRedirectedUrl("/");

        assertThat(reset(link, NEW_PASSWORD, NEW_PASSWORD))
                .hasStatus3xxRedirection()
                .hasRedirectedUrl("/login?reset");

        assertThat(mvc.get().uri("/login?reset")).bodyText().contains("Your password has been changed.");
        assertThat(SignIn.attempt(mvc, user.email(), user.password(), nextIp()))
                .hasRedirectedUrl("/login?error=invalid");
        assertThat(SignIn.attempt(mvc, user.email(), NEW_PASSWORD, nextIp())).hasRedirectedUrl("/");

        assertThat(mvc.get().uri(link)).hasStatus(HttpStatus.GONE).bodyText().contains(INVALID_LINK);
        assertThat(reset(link, "Another-Good-Password-9", "Another-Good-Password-9"))
                .hasStatus(HttpStatus.GONE);
        assertThat(SignIn.attempt(mvc, user.email(), NEW_PASSWORD, nextIp())).hasRedirectedUrl("/");
    }

    @Test
    void expiredLinkIsGone() {
        TestUser user = testWorkspaces.addUser(workspace, PlatformRole.ANALYST);
        requestReset(user.email());
        outbox.flush();
        String link = pathAndQuery(TestMail.linkTo(user.email(), "/password/reset"));
        assertThat(mvc.get().uri(link)).hasStatusOk();

        int expired = transactions.writeAs(
                workspace.id(),
                () -> jdbc.update(
                        "update password_reset set expires_at = ? where user_id = ?",
                        Timestamp.from(Instant.now().minus(Duration.ofMinutes(1))),
                        user.id()));

        assertThat(expired).isEqualTo(1);
        assertThat(mvc.get().uri(link)).hasStatus(HttpStatus.GONE).bodyText().contains(INVALID_LINK);
        assertThat(reset(link, NEW_PASSWORD, NEW_PASSWORD)).hasStatus(HttpStatus.GONE);
        assertThat(SignIn.attempt(mvc, user.email(), user.password(), nextIp())).hasRedirectedUrl("/");
    }

    @Test
    void askingForASecondLinkRetiresTheFirst() {
        TestUser user = testWorkspaces.addUser(workspace, PlatformRole.ANALYST);
        requestReset(user.email());
        outbox.flush();
        String first = pathAndQuery(TestMail.linkTo(user.email(), "/password/reset"));
        requestReset(user.email());
        outbox.flush();
        String second = pathAndQuery(TestMail.linkTo(user.email(), "/password/reset"));

        assertThat(second).isNotEqualTo(first);
        assertThat(mvc.get().uri(first)).hasStatus(HttpStatus.GONE);
        assertThat(reset(first, NEW_PASSWORD, NEW_PASSWORD)).hasStatus(HttpStatus.GONE);
        assertThat(mvc.get().uri(second)).hasStatusOk();
        assertThat(reset(second, NEW_PASSWORD, NEW_PASSWORD)).hasRedirectedUrl("/login?reset");
    }

    @Test
    void resetEndsTheSessionsTheUserAlreadyHad() {
        TestUser user = testWorkspaces.addUser(workspace, PlatformRole.ANALYST);
        Cookie before = SignIn.as(mvc, user);
        assertThat(mvc.get().uri("/").cookie(before)).hasStatusOk();

        requestReset(user.email());
        outbox.flush();
        assertThat(reset(pathAndQuery(TestMail.linkTo(user.email(), "/password/reset")), NEW_PASSWORD, NEW_PASSWORD))
                .hasRedirectedUrl("/login?reset");

        MvcTestResult afterReset = mvc.get().uri("/").cookie(before).exchange();
        assertThat(afterReset).hasStatus3xxRedirection();
        assertThat(afterReset.getResponse().getRedirectedUrl()).contains("/login");
    }

    @Test
    void requestAndCompletionAreInTheAuditLog() {
        TestUser user = testWorkspaces.addUser(workspace, PlatformRole.ANALYST);
        requestReset(user.email());
        outbox.flush();
        reset(pathAndQuery(TestMail.linkTo(user.email(), "/password/reset")), NEW_PASSWORD, NEW_PASSWORD);
        Cookie admin = SignIn.as(mvc, workspace.admin());

        assertThat(mvc.get()
                        .uri("/admin/audit?actor={email}&action=PASSWORD_RESET_REQUESTED", user.email())
                        .cookie(admin))
                .hasStatusOk()
                .bodyText()
                .contains("<td>Password reset requested</td>")
                .contains("<td>" + user.email() + "</td>");
        assertThat(mvc.get()
                        .uri("/admin/audit?actor={email}&action=PASSWORD_RESET_COMPLETED", user.email())
                        .cookie(admin))
                .hasStatusOk()
                .bodyText()
                .contains("<td>Password reset completed</td>")
                .contains("<td>All sessions ended</td>");
    }

    private MvcTestResult requestReset(String email) {
        String ip = nextIp();
        return mvc.post()
                .uri("/password/forgot")
                .param("email", email)
                .with(csrf())
                .with(SignIn.from(ip))
                .exchange();
    }

    private MvcTestResult reset(String link, String password, String confirmation) {
        return mvc.post()
                .uri(link)
                .param("newPassword", password)
                .param("confirmPassword", confirmation)
                .with(csrf())
                .exchange();
    }

    private String nextIp() {
        return "198.18.7." + (ips.incrementAndGet() % 250 + 1);
    }

    private static String pathAndQuery(String link) {
        URI uri = URI.create(link);
        return uri.getRawPath() + "?" + uri.getRawQuery();
    }
}
