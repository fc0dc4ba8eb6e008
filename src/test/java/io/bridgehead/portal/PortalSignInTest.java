package io.bridgehead.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import io.bridgehead.access.PortalRole;
import io.bridgehead.audit.AuditAction;
import io.bridgehead.clients.PortalSettingsForm;
import io.bridgehead.notifications.Outbox;
import io.bridgehead.support.AuditTrail;
import io.bridgehead.support.Html;
import io.bridgehead.support.IntegrationTest;
import io.bridgehead.support.SignIn;
import io.bridgehead.support.TestClients;
import io.bridgehead.support.TestMail;
import io.bridgehead.support.TestPortal;
import io.bridgehead.support.TestPortal.PortalUser;
import io.bridgehead.support.TestWorkspaces;
import io.bridgehead.support.TestWorkspaces.TestWorkspace;
import jakarta.servlet.http.Cookie;
import java.net.URI;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PortalSignInTest {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    TestWorkspaces testWorkspaces;

    @Autowired
    TestClients testClients;

    @Autowired
    TestPortal testPortal;

    @Autowired
    Outbox outbox;

    @Autowired
    AuditTrail auditTrail;

    @Autowired
    JdbcTemplate jdbc;

    TestWorkspace workspace;
    UUID client;
    String portal;

    @BeforeAll
    void setUp() {
        workspace = testWorkspaces.create("Portal sign-in");
        client = testClients.create(workspace, "Northwind Traders");
        portal = "/portal/" + workspace.slug();
    }

    @Test
    void invitedPersonSetsPasswordEnrolsAnAuthenticatorAndSeesTenRecoveryCodesOnce() {
        PortalUser user = testPortal.join(mvc, workspace, client, PortalRole.MANAGER);

        assertThat(user.recoveryCodes()).hasSize(10).doesNotHaveDuplicates();
        assertThat(mvc.get().uri(portal + "/").cookie(user.session())).hasStatusOk();
        assertThat(mvc.get().uri(portal + "/recovery-codes").cookie(user.session()))
                .hasStatus3xxRedirection()
                .hasRedirectedUrl(portal + "/account");
        assertThat(jdbc.queryForList("select code_hash from portal_recovery_code", String.class))
                .as("the application role sees no recovery code outside a workspace")
                .isEmpty();
    }

    @Test
    void signInAsksForTheAuthenticatorCodeAndRefusesTheSameCodeTwice() {
        PortalUser user = testPortal.join(mvc, workspace, client, PortalRole.VIEWER);

        Cookie pending = password(user.email(), user.password());
        String code = TestPortal.code(user.secret(), 1);
        MvcTestResult first = code(pending, code);
        assertThat(first).hasStatus3xxRedirection().hasRedirectedUrl(portal + "/");
        Cookie session = TestPortal.cookie(first);
        assertThat(mvc.get().uri(portal + "/projects").cookie(session)).hasStatusOk();

        Cookie again = password(user.email(), user.password());
        MvcTestResult replay = code(again, code);
        assertThat(replay).hasStatusOk();
        assertThat(Html.of(replay)).contains("That code is not correct, or it was already used.");
    }

    @Test
    void aRecoveryCodeWorksOnceInsteadOfTheAuthenticatorCode() {
        PortalUser user = testPortal.join(mvc, workspace, client, PortalRole.VIEWER);
        String recovery = user.recoveryCodes().get(3).toUpperCase();

        assertThat(code(password(user.email(), user.password()), recovery))
                .hasStatus3xxRedirection()
                .hasRedirectedUrl(portal + "/");
        assertThat(Html.of(code(password(user.email(), user.password()), recovery)))
                .contains("That code is not correct");
        assertThat(auditTrail.actionsBy(workspace, user.email())).contains(AuditAction.PORTAL_RECOVERY_CODE_USED);
    }

    @Test
    void aPasswordAloneNeverOpensThePortal() {
        PortalUser user = testPortal.join(mvc, workspace, client, PortalRole.VIEWER);
        Cookie pending = password(user.email(), user.password());

        assertThat(mvc.get().uri(portal + "/").cookie(pending))
                .hasStatus3xxRedirection()
                .hasRedirectedUrl(portal + "/login");
        assertThat(Html.of(code(pending, "000000"))).contains("That code is not correct");
    }

    @Test
    void wrongPasswordAndUnknownAddressGetTheSameAnswer() {
        PortalUser user = testPortal.join(mvc, workspace, client, PortalRole.VIEWER);

        String wrong = Html.of(login(user.email(), "Not-The-Password-1"));
        String unknown = Html.of(login("nobody-" + UUID.randomUUID() + "@client.test", "Not-The-Password-1"));

        assertThat(wrong).contains("Invalid e-mail or password.");
        assertThat(unknown).contains("Invalid e-mail or password.");
        assertThat(Html.main(unknown).replaceAll("value=\"[^\"]*\"", ""))
                .isEqualTo(Html.main(wrong).replaceAll("value=\"[^\"]*\"", ""));
    }

    @Test
    void aStaffSessionNeverOpensThePortalAndAPortalSessionNeverOpensStaffPages() {
        PortalUser user = testPortal.join(mvc, workspace, client, PortalRole.MANAGER);
        Cookie staff = SignIn.as(mvc, workspace.admin());

        assertThat(mvc.get().uri(portal + "/").cookie(staff))
                .hasStatus3xxRedirection()
                .hasRedirectedUrl(portal + "/login");
        Cookie portalCookieUnderStaffName =
                new Cookie(SignIn.COOKIE, user.session().getValue());
        assertThat(redirectOf("/clients", portalCookieUnderStaffName)).endsWith("/login");
        assertThat(redirectOf("/clients", user.session())).endsWith("/login");
    }

    @Test
    void removingAUserEndsTheirOpenSessionAtOnce() {
        PortalUser user = testPortal.join(mvc, workspace, client, PortalRole.COLLABORATOR);
        Cookie admin = SignIn.as(mvc, workspace.admin());

        assertThat(mvc.post()
                        .uri("/clients/" + client + "/portal-users/" + user.id() + "/remove")
                        .cookie(admin)
                        .with(csrf()))
                .hasStatus3xxRedirection();

        assertThat(mvc.get().uri(portal + "/").cookie(user.session()))
                .hasStatus3xxRedirection()
                .hasRedirectedUrl(portal + "/login?ended");
        assertThat(login(user.email(), user.password())).hasStatusOk();
    }

    @Test
    void disablingThePortalLocksItsUsersOutWithoutDeletingThem() {
        UUID other = testClients.create(workspace, "Closing Corp " + UUID.randomUUID());
        PortalUser user = testPortal.join(mvc, workspace, other, PortalRole.MANAGER);

        testPortal.change(workspace, other, new PortalSettingsForm(false, true, true, true, true, ""));

        assertThat(mvc.get().uri(portal + "/").cookie(user.session()))
                .hasStatus3xxRedirection()
                .hasRedirectedUrl(portal + "/login?ended");
        assertThat(Html.of(login(user.email(), user.password()))).contains("The portal of your organisation is closed");

        testPortal.enable(workspace, other);
        assertThat(login(user.email(), user.password()))
                .hasStatus3xxRedirection()
                .hasRedirectedUrl(portal + "/login/code");
    }

    @Test
    void anAddressOutsideTheClientsAllowlistIsRefusedAtSignInAndOnEveryRequest() {
        UUID fenced = testClients.create(workspace, "Fenced Inc " + UUID.randomUUID());
        PortalUser user = testPortal.join(mvc, workspace, fenced, PortalRole.MANAGER);

        testPortal.change(
                workspace, fenced, new PortalSettingsForm(true, true, true, true, true, "10.20.0.0/16\n2001:db8::/32"));

        assertThat(mvc.get().uri(portal + "/").cookie(user.session()))
                .hasStatus3xxRedirection()
                .hasRedirectedUrl(portal + "/login?address");
        assertThat(Html.of(login(user.email(), user.password(), "192.0.2.50")))
                .contains("your current address is not one of them");
        assertThat(login(user.email(), user.password(), "10.20.3.4"))
                .hasStatus3xxRedirection()
                .hasRedirectedUrl(portal + "/login/code");
        assertThat(login(user.email(), user.password(), "2001:db8::7"))
                .hasStatus3xxRedirection()
                .hasRedirectedUrl(portal + "/login/code");
        assertThat(auditTrail.actionsBy(workspace, user.email()))
                .contains(AuditAction.PORTAL_SIGN_IN_BLOCKED, AuditAction.PORTAL_REQUEST_BLOCKED);
    }

    @Test
    void anInvitationLinkWorksOnceAndAResentInvitationRetiresTheOldLink() {
        testPortal.enable(workspace, client);
        String email = testPortal.invite(workspace, client, PortalRole.VIEWER);
        String oldLink =
                URI.create(TestMail.linkTo(email, portal + "/invitation/")).getPath();
        UUID userId = testClients.value(
                workspace, UUID.class, "select id from portal_user where lower(email) = lower(?)", email);
        Cookie admin = SignIn.as(mvc, workspace.admin());

        assertThat(mvc.post()
                        .uri("/clients/" + client + "/portal-users/" + userId + "/resend")
                        .cookie(admin)
                        .with(csrf()))
                .hasStatus3xxRedirection();
        outbox.flush();

        assertThat(mvc.get().uri(oldLink)).hasStatus(410);
        PortalUser joined = testPortal.accept(mvc, workspace, email);
        assertThat(joined.recoveryCodes()).hasSize(10);
        String usedLink =
                URI.create(TestMail.linkTo(email, portal + "/invitation/")).getPath();
        assertThat(mvc.get().uri(usedLink)).hasStatus(410);
    }

    @Test
    void forgedOrForeignInvitationTokensAreInvalid() {
        TestWorkspace elsewhere = testWorkspaces.create("Portal sign-in elsewhere");
        UUID theirs = testClients.create(elsewhere, "Elsewhere Client");
        testPortal.enable(elsewhere, theirs);
        String email = testPortal.invite(elsewhere, theirs, PortalRole.VIEWER);
        String token = TestMail.linkTo(email, "/invitation/").replaceAll(".*/invitation/", "");

        assertThat(mvc.get().uri(portal + "/invitation/" + token)).hasStatus(410);
        assertThat(mvc.get().uri(portal + "/invitation/not-a-token")).hasStatus(410);
        assertThat(mvc.get().uri(portal + "/invitation/" + token.substring(0, token.length() - 2) + "AA"))
                .hasStatus(410);
    }

    @Test
    void aPasswordResetNeverSkipsTheAuthenticator() {
        PortalUser user = testPortal.join(mvc, workspace, client, PortalRole.VIEWER);

        assertThat(mvc.post()
                        .uri(portal + "/password/forgot")
                        .param("email", user.email())
                        .with(csrf()))
                .hasStatus3xxRedirection()
                .hasRedirectedUrl(portal + "/login?resetsent");
        outbox.flush();
        String link = URI.create(TestMail.linkTo(user.email(), portal + "/password/reset/"))
                .getPath();
        assertThat(mvc.post()
                        .uri(link)
                        .param("newPassword", "Brand-New-Passphrase-19")
                        .param("confirmPassword", "Brand-New-Passphrase-19")
                        .with(csrf()))
                .hasStatus3xxRedirection()
                .hasRedirectedUrl(portal + "/login?reset");

        assertThat(mvc.get().uri(portal + "/").cookie(user.session()))
                .as("the reset ended the open session")
                .hasStatus3xxRedirection();
        assertThat(login(user.email(), "Brand-New-Passphrase-19"))
                .hasStatus3xxRedirection()
                .hasRedirectedUrl(portal + "/login/code");
        assertThat(mvc.post()
                        .uri(link)
                        .param("newPassword", "Another-Passphrase-77")
                        .param("confirmPassword", "Another-Passphrase-77")
                        .with(csrf()))
                .hasStatus(410);
    }

    @Test
    void aPasswordResetEndsASignInHalfWayThrough() {
        PortalUser user = testPortal.join(mvc, workspace, client, PortalRole.VIEWER);
        Cookie pending = password(user.email(), user.password());

        assertThat(mvc.post()
                        .uri(portal + "/password/forgot")
                        .param("email", user.email())
                        .with(csrf()))
                .hasStatus3xxRedirection();
        outbox.flush();
        String link = URI.create(TestMail.linkTo(user.email(), portal + "/password/reset/"))
                .getPath();
        assertThat(mvc.post()
                        .uri(link)
                        .param("newPassword", "Fresh-Passphrase-After-Reset-5")
                        .param("confirmPassword", "Fresh-Passphrase-After-Reset-5")
                        .with(csrf()))
                .hasStatus3xxRedirection();

        assertThat(Html.of(code(pending, TestPortal.code(user.secret(), 1)))).contains("That code is not correct");
    }

    @Test
    void aNewEmailAddressCountsOnlyOnceItsMailboxConfirmsIt() {
        PortalUser user = testPortal.join(mvc, workspace, client, PortalRole.VIEWER);
        String newEmail = "moved-" + UUID.randomUUID().toString().substring(0, 8) + "@client.test";

        assertThat(mvc.post()
                        .uri(portal + "/account/email")
                        .param("email", newEmail)
                        .param("currentPassword", "Wrong-Password-123")
                        .cookie(user.session())
                        .with(csrf()))
                .hasStatusOk();
        assertThat(mvc.post()
                        .uri(portal + "/account/email")
                        .param("email", newEmail)
                        .param("currentPassword", user.password())
                        .cookie(user.session())
                        .with(csrf()))
                .hasStatus3xxRedirection();
        outbox.flush();
        assertThat(login(newEmail, user.password())).hasStatusOk();
        assertThat(login(user.email(), user.password()))
                .hasStatus3xxRedirection()
                .hasRedirectedUrl(portal + "/login/code");

        String link = URI.create(TestMail.linkTo(newEmail, portal + "/email/confirm/"))
                .getPath();
        assertThat(Html.of(mvc.get().uri(link))).contains(newEmail, "Confirm the new address");
        assertThat(mvc.post().uri(link).with(csrf()))
                .hasStatus3xxRedirection()
                .hasRedirectedUrl(portal + "/login?emailchanged");

        assertThat(mvc.get().uri(portal + "/").cookie(user.session())).hasStatus3xxRedirection();
        assertThat(login(newEmail, user.password())).hasStatus3xxRedirection().hasRedirectedUrl(portal + "/login/code");
        assertThat(mvc.post().uri(link).with(csrf())).hasStatus(410);
    }

    @Test
    void fiveWrongPasswordsLockTheAddressEvenForTheRightOne() {
        PortalUser user = testPortal.join(mvc, workspace, client, PortalRole.VIEWER);

        for (int i = 0; i < 4; i++) {
            assertThat(Html.of(login(user.email(), "Wrong-Password-" + i + "-xyz")))
                    .contains("Invalid e-mail or password.");
        }
        assertThat(Html.of(login(user.email(), "Wrong-Password-5-xyz"))).contains("Too many failed attempts");

        assertThat(Html.of(login(user.email(), user.password()))).contains("Too many failed attempts");
    }

    @Test
    void aPortalSessionEndsAfterTheWorkspacesPortalIdleTimeout() {
        PortalUser user = testPortal.join(mvc, workspace, client, PortalRole.VIEWER);

        Integer seconds = jdbc.queryForObject(
                "select max(max_inactive_interval) from spring_session where principal_name = ?",
                Integer.class,
                "portal:" + user.id());

        assertThat(seconds).isEqualTo(15 * 60);
    }

    @Test
    void anUnknownPortalAddressIsNotFound() {
        assertThat(mvc.get()
                        .uri("/portal/no-such-firm-"
                                + UUID.randomUUID().toString().substring(0, 8) + "/login"))
                .hasStatus(404);
    }

    private String redirectOf(String path, Cookie cookie) {
        return mvc.get().uri(path).cookie(cookie).exchange().getResponse().getRedirectedUrl();
    }

    private MvcTestResult login(String email, String password) {
        return login(email, password, "203.0.113.9");
    }

    private MvcTestResult login(String email, String password, String ip) {
        return TestPortal.attempt(mvc, workspace.slug(), email, password, ip);
    }

    private Cookie password(String email, String password) {
        MvcTestResult result = login(email, password);
        assertThat(result).hasStatus3xxRedirection().hasRedirectedUrl(portal + "/login/code");
        return TestPortal.cookie(result);
    }

    private MvcTestResult code(Cookie pending, String code) {
        return mvc.post()
                .uri(portal + "/login/code")
                .param("code", code)
                .cookie(pending)
                .with(csrf())
                .with(SignIn.from("203.0.113.9"))
                .exchange();
    }
}
