package io.bridgehead.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import io.bridgehead.notifications.Outbox;
import io.bridgehead.shared.tenant.ScopedTransactions;
import io.bridgehead.support.Html;
import io.bridgehead.support.IntegrationTest;
import io.bridgehead.support.SignIn;
import io.bridgehead.support.TestMail;
import io.bridgehead.support.TestWorkspaces;
import io.bridgehead.support.TestWorkspaces.TestWorkspace;
import jakarta.servlet.http.Cookie;
import java.net.URI;
import java.nio.ByteBuffer;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
class InvitationFlowTest {

    private static final String GOOD_PASSWORD = "Lantern-Orbit-42-Quill";
    private static final String INVALID_LINK = "This link is invalid or has expired.";

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
    TestWorkspace otherWorkspace;
    Cookie admin;

    @BeforeAll
    void createWorkspaces() {
        workspace = testWorkspaces.create("Invitations");
        otherWorkspace = testWorkspaces.create("Invitations elsewhere");
        admin = SignIn.as(mvc, workspace.admin());
    }

    @Test
    void invitedPersonJoinsThroughTheLinkInTheMailWithTheInvitedRole() {
        String email = newAddress();

        MvcTestResult invited = invite(email);

        assertThat(invited).hasStatus3xxRedirection().hasRedirectedUrl("/admin/users");
        assertThat(invited)
                .flash()
                .containsEntry("flash", "Invitation sent to " + email + ". The link is valid for 72 hours.");
        assertThat(TestMail.to(email)).isEmpty();

        outbox.flush();

        assertThat(TestMail.to(email)).hasSize(1);
        String path = pathOf(TestMail.linkTo(email, "/invitations/"));
        assertThat(mvc.get().uri(path))
                .hasStatusOk()
                .bodyText()
                .contains("You are invited as <strong>Analyst</strong> with the address <strong>" + email);

        MvcTestResult weak = accept(path, "Ada Lovelace", "password1234", "password1234");
        assertThat(weak).hasStatusOk();
        String weakPage = Html.of(weak);
        assertThat(Html.fieldError(weakPage, "password"))
                .isEqualTo("This password is too common. Choose one that is harder to guess.");
        assertThat(weakPage).contains("value=\"Ada Lovelace\"").doesNotContain("password1234");
        assertThat(accountsWith(email)).isZero();

        MvcTestResult mismatch = accept(path, "Ada Lovelace", GOOD_PASSWORD, GOOD_PASSWORD + "x");
        assertThat(mismatch).hasStatusOk();
        assertThat(Html.fieldError(Html.of(mismatch), "confirmPassword")).isEqualTo("The two passwords do not match.");
        assertThat(accountsWith(email)).isZero();

        assertThat(accept(path, "Ada Lovelace", GOOD_PASSWORD, GOOD_PASSWORD))
                .hasStatus3xxRedirection()
                .hasRedirectedUrl("/login?joined");
        assertThat(accountsWith(email)).isEqualTo(1);

        MvcTestResult signIn = SignIn.attempt(mvc, email, GOOD_PASSWORD, "203.0.113.41");
        assertThat(signIn).hasRedirectedUrl("/");
        assertThat(mvc.get().uri("/").cookie(SignIn.sessionCookie(signIn)))
                .hasStatusOk()
                .bodyText()
                .contains("Welcome, Ada Lovelace")
                .contains("<span class=\"badge\">Analyst</span>");
        assertThat(mvc.get().uri("/admin/users").cookie(admin))
                .bodyText()
                .containsPattern(Pattern.quote(email) + "</td>\\s*<td>Analyst</td>");

        assertThat(mvc.get().uri(path)).hasStatus(HttpStatus.GONE).bodyText().contains(INVALID_LINK);
        assertThat(accept(path, "Someone Else", GOOD_PASSWORD, GOOD_PASSWORD)).hasStatus(HttpStatus.GONE);
        assertThat(accountsWith(email)).isEqualTo(1);
    }

    @Test
    void resendingAnInvitationRetiresTheEarlierLink() {
        String email = newAddress();
        invite(email);
        outbox.flush();
        String firstPath = pathOf(TestMail.linkTo(email, "/invitations/"));

        MvcTestResult resent = mvc.post()
                .uri("/admin/invitations/{id}/resend", openInvitationId(email))
                .cookie(admin)
                .with(csrf())
                .exchange();
        outbox.flush();

        assertThat(resent).hasRedirectedUrl("/admin/users");
        assertThat(resent).flash().containsEntry("flash", "Invitation sent again. The earlier link no longer works.");
        assertThat(TestMail.to(email)).hasSize(2);
        String secondPath = pathOf(TestMail.linkTo(email, "/invitations/"));
        assertThat(secondPath).isNotEqualTo(firstPath);
        assertThat(mvc.get().uri(firstPath))
                .hasStatus(HttpStatus.GONE)
                .bodyText()
                .contains(INVALID_LINK);
        assertThat(mvc.get().uri(secondPath)).hasStatusOk().bodyText().contains(email);
    }

    @Test
    void expiredInvitationLinkIsGoneUntilTheAdminResendsIt() {
        String email = newAddress();
        invite(email);
        outbox.flush();
        String path = pathOf(TestMail.linkTo(email, "/invitations/"));
        assertThat(mvc.get().uri(path)).hasStatusOk();

        int expired = transactions.writeAs(
                workspace.id(),
                () -> jdbc.update(
                        "update staff_invitation set expires_at = ? where lower(email) = lower(?)",
                        Timestamp.from(Instant.now().minus(Duration.ofMinutes(1))),
                        email));

        assertThat(expired).isEqualTo(1);
        assertThat(mvc.get().uri(path)).hasStatus(HttpStatus.GONE).bodyText().contains(INVALID_LINK);
        assertThat(accept(path, "Late Comer", GOOD_PASSWORD, GOOD_PASSWORD)).hasStatus(HttpStatus.GONE);
        assertThat(accountsWith(email)).isZero();
        assertThat(mvc.get().uri("/admin/users").cookie(admin))
                .bodyText()
                .containsPattern(Pattern.quote(email) + "</td>[\\s\\S]*?<span class=\"badge bad\">Expired</span>");

        String id = openInvitationId(email);
        assertThat(mvc.post()
                        .uri("/admin/invitations/{id}/resend", id)
                        .cookie(admin)
                        .with(csrf()))
                .hasRedirectedUrl("/admin/users");
        outbox.flush();
        String renewed = pathOf(TestMail.linkTo(email, "/invitations/"));
        assertThat(mvc.get().uri(renewed)).hasStatusOk();
        assertThat(accept(renewed, "Late Comer", GOOD_PASSWORD, GOOD_PASSWORD)).hasRedirectedUrl("/login?joined");
    }

    @Test
    void revokedInvitationLinkIsGone() {
        String email = newAddress();
        invite(email);
        outbox.flush();
        String path = pathOf(TestMail.linkTo(email, "/invitations/"));

        MvcTestResult revoked = mvc.post()
                .uri("/admin/invitations/{id}/revoke", openInvitationId(email))
                .cookie(admin)
                .with(csrf())
                .exchange();

        assertThat(revoked).hasRedirectedUrl("/admin/users");
        assertThat(revoked).flash().containsEntry("flash", "Invitation revoked. Its link no longer works.");
        assertThat(mvc.get().uri(path)).hasStatus(HttpStatus.GONE).bodyText().contains(INVALID_LINK);
        assertThat(accept(path, "Too Late", GOOD_PASSWORD, GOOD_PASSWORD)).hasStatus(HttpStatus.GONE);
        String users = Html.of(mvc.get().uri("/admin/users").cookie(admin).exchange());
        assertThat(users.substring(users.indexOf("<h2>Open invitations</h2>"))).doesNotContain(email);
        assertThat(accountsWith(email)).isZero();
    }

    @Test
    void forgedLinksAreGone() {
        String email = newAddress();
        invite(email);
        outbox.flush();
        String token = pathOf(TestMail.linkTo(email, "/invitations/")).substring("/invitations/".length());
        String secret = token.substring(token.indexOf('.') + 1);

        String random = "not-a-token-" + UUID.randomUUID();
        String unknownSecret = AccessToken.issue(workspace.id()).value();
        String realSecretOtherWorkspace = encode(otherWorkspace.id()) + "." + secret;

        for (String forged : new String[] {random, unknownSecret, realSecretOtherWorkspace}) {
            assertThat(mvc.get().uri("/invitations/" + forged))
                    .hasStatus(HttpStatus.GONE)
                    .bodyText()
                    .contains(INVALID_LINK);
            assertThat(accept("/invitations/" + forged, "Mallory", GOOD_PASSWORD, GOOD_PASSWORD))
                    .hasStatus(HttpStatus.GONE);
        }
        assertThat(mvc.get().uri("/invitations/" + token)).hasStatusOk();
        assertThat(accountsWith(email)).isZero();
    }

    @Test
    void addressThatAlreadyHasAnAccountInAnyWorkspaceCannotBeInvited() {
        String ownAdmin = workspace.admin().email();
        String otherAdmin = otherWorkspace.admin().email();

        for (String email : new String[] {ownAdmin, otherAdmin, otherAdmin.toUpperCase()}) {
            MvcTestResult result = invite(email);

            assertThat(result).hasStatusOk();
            String page = Html.of(result);
            assertThat(Html.fieldError(page, "email")).isEqualTo("This address already has a Bridgehead account.");
            assertThat(page).contains("value=\"" + email + "\"");
        }
        outbox.flush();
        assertThat(TestMail.to(otherAdmin)).isEmpty();
    }

    @Test
    void addressInvitedByTwoWorkspacesCanJoinOnlyOne() {
        String email = newAddress();
        invite(email);
        outbox.flush();
        String ours = pathOf(TestMail.linkTo(email, "/invitations/"));
        assertThat(mvc.post()
                        .uri("/admin/users/invite")
                        .cookie(SignIn.as(mvc, otherWorkspace.admin()))
                        .param("email", email)
                        .param("role", "VIEWER")
                        .with(csrf()))
                .hasRedirectedUrl("/admin/users");
        outbox.flush();
        String theirs = pathOf(TestMail.linkTo(email, "/invitations/"));
        assertThat(theirs).isNotEqualTo(ours);

        assertThat(accept(theirs, "Double Booked", GOOD_PASSWORD, GOOD_PASSWORD))
                .hasRedirectedUrl("/login?joined");

        assertThat(accept(ours, "Double Booked", GOOD_PASSWORD, GOOD_PASSWORD)).hasStatus(HttpStatus.GONE);
        assertThat(accountsWith(email)).isZero();
        assertThat(SignIn.attempt(mvc, email, GOOD_PASSWORD, "203.0.113.42")).hasRedirectedUrl("/");
    }

    @Test
    void malformedOrOverlongAddressesAreRefusedAndKeptInTheForm() {
        String malformed = "not-an-address";
        String overlong = "a".repeat(60) + "." + "b".repeat(60) + "@" + "c".repeat(170) + ".example";
        assertThat(overlong).hasSize(300);

        MvcTestResult malformedResult = invite(malformed);
        assertThat(malformedResult).hasStatusOk();
        String malformedPage = Html.of(malformedResult);
        assertThat(Html.fieldError(malformedPage, "email"))
                .isEqualTo("Enter a valid e-mail address, like name@example.com.");
        assertThat(malformedPage).contains("value=\"" + malformed + "\"");

        MvcTestResult overlongResult = invite(overlong);
        assertThat(overlongResult).hasStatusOk();
        String overlongPage = Html.of(overlongResult);
        assertThat(Html.fieldError(overlongPage, "email")).contains("Use at most 254 characters.");
        assertThat(overlongPage).contains("value=\"" + overlong + "\"");

        assertThat(mvc.get().uri("/admin/users").cookie(admin))
                .bodyText()
                .doesNotContain(malformed)
                .doesNotContain(overlong);
    }

    private MvcTestResult invite(String email) {
        return mvc.post()
                .uri("/admin/users/invite")
                .cookie(admin)
                .param("email", email)
                .param("role", "ANALYST")
                .with(csrf())
                .exchange();
    }

    private MvcTestResult accept(String path, String fullName, String password, String confirmation) {
        return mvc.post()
                .uri(path)
                .param("fullName", fullName)
                .param("password", password)
                .param("confirmPassword", confirmation)
                .with(csrf())
                .exchange();
    }

    /** The id in the Resend button of the invitation's row on the users page, as an Admin would click it. */
    private String openInvitationId(String email) {
        String page = Html.of(mvc.get().uri("/admin/users").cookie(admin).exchange());
        Matcher matcher = Pattern.compile(
                        Pattern.quote(email) + "</td>[\\s\\S]*?/admin/invitations/([0-9a-f-]{36})/resend")
                .matcher(page);
        assertThat(matcher.find()).as("open invitation to %s listed", email).isTrue();
        return matcher.group(1);
    }

    private int accountsWith(String email) {
        return transactions.readAs(
                workspace.id(),
                () -> jdbc.queryForObject(
                        "select count(*) from staff_user where lower(email) = lower(?)", Integer.class, email));
    }

    private static String newAddress() {
        return "invitee-" + UUID.randomUUID().toString().substring(0, 8) + "@test.local";
    }

    private static String pathOf(String link) {
        return URI.create(link).getRawPath();
    }

    private static String encode(UUID id) {
        ByteBuffer bytes =
                ByteBuffer.allocate(16).putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits());
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.array());
    }
}
