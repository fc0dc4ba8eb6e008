package io.bridgehead.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import io.bridgehead.access.PlatformRole;
import io.bridgehead.audit.AuditAction;
import io.bridgehead.shared.tenant.ScopedTransactions;
import io.bridgehead.support.AuditTrail;
import io.bridgehead.support.IntegrationTest;
import io.bridgehead.support.SignIn;
import io.bridgehead.support.TestWorkspaces;
import io.bridgehead.support.TestWorkspaces.TestUser;
import io.bridgehead.support.TestWorkspaces.TestWorkspace;
import jakarta.servlet.http.Cookie;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SessionPolicyTest {

    private static final String NEW_PASSWORD = "Fresh-Lantern-42-Harbour";

    @Autowired
    MockMvcTester mvc;

    @Autowired
    TestWorkspaces testWorkspaces;

    @Autowired
    AuditTrail auditTrail;

    @Autowired
    StaffAccounts accounts;

    @Autowired
    ScopedTransactions transactions;

    @Autowired
    FindByIndexNameSessionRepository<? extends Session> sessions;

    @Autowired
    IdentityProperties properties;

    @Autowired
    Clock clock;

    TestWorkspace workspace;
    Cookie admin;

    @BeforeAll
    void createWorkspace() {
        workspace = testWorkspaces.create("Session policy");
        admin = SignIn.as(mvc, workspace.admin());
    }

    @Test
    void deactivatingAUserEndsTheirSessionAtOnce() {
        TestUser analyst = testWorkspaces.addUser(workspace, PlatformRole.ANALYST);
        Cookie session = SignIn.as(mvc, analyst);
        assertThat(mvc.get().uri("/").cookie(session)).hasStatusOk();

        assertThat(mvc.post()
                        .uri("/admin/users/{id}/deactivate", analyst.id())
                        .cookie(admin)
                        .with(csrf()))
                .hasRedirectedUrl("/admin/users/" + analyst.id());

        // The session is deleted from the store, so the old cookie is simply anonymous now: plain sign-in page.
        assertSentToSignIn(mvc.get().uri("/").cookie(session).exchange());
        assertThat(SignIn.attempt(mvc, analyst.email(), analyst.password(), "198.51.100.251"))
                .hasRedirectedUrl("/login?error=invalid");
        assertThat(auditTrail.entriesBy(workspace, workspace.admin().email())).anySatisfy(entry -> {
            assertThat(entry.action()).isEqualTo(AuditAction.USER_DEACTIVATED);
            assertThat(entry.target()).isEqualTo(analyst.email());
        });
    }

    @Test
    void aRoleChangeTakesEffectOnTheUsersVeryNextRequest() {
        TestUser analyst = testWorkspaces.addUser(workspace, PlatformRole.ANALYST);
        Cookie session = SignIn.as(mvc, analyst);
        assertThat(mvc.get().uri("/admin/users").cookie(session)).hasStatus(403);

        changeRole(analyst, PlatformRole.ADMIN);
        assertThat(mvc.get().uri("/admin/users").cookie(session)).hasStatusOk();

        changeRole(analyst, PlatformRole.ANALYST);
        assertThat(mvc.get().uri("/admin/users").cookie(session)).hasStatus(403);
    }

    @Test
    void aUserWhoMustChangeTheirPasswordCanDoNothingElseUntilTheyHave() {
        String email = "first-admin-" + UUID.randomUUID().toString().substring(0, 8) + "@test.local";
        String oneTimePassword =
                transactions.writeAs(workspace.id(), () -> accounts.createFirstAdmin(email, "First Admin"));

        MvcTestResult signIn = SignIn.attempt(mvc, email, oneTimePassword, "198.51.100.252");
        assertThat(signIn).hasRedirectedUrl("/account/password?required");
        Cookie session = SignIn.sessionCookie(signIn);
        assertThat(mvc.get().uri("/").cookie(session)).hasRedirectedUrl("/account/password?required");
        assertThat(mvc.get().uri("/admin/users").cookie(session)).hasRedirectedUrl("/account/password?required");
        assertThat(mvc.get().uri("/account/password").cookie(session)).hasStatusOk();

        assertThat(changePassword(session, oneTimePassword, NEW_PASSWORD)).hasRedirectedUrl("/settings");

        assertThat(mvc.get().uri("/").cookie(session)).hasStatusOk().bodyText().contains("Welcome, First Admin");
        assertThat(mvc.get().uri("/admin/users").cookie(session)).hasStatusOk();
    }

    @Test
    void changingThePasswordEndsTheUsersOtherSessionsButNotThisOne() {
        TestUser analyst = testWorkspaces.addUser(workspace, PlatformRole.ANALYST);
        Cookie laptop = SignIn.as(mvc, analyst);
        Cookie phone = SignIn.as(mvc, analyst);
        assertThat(mvc.get().uri("/").cookie(phone)).hasStatusOk();

        assertThat(changePassword(laptop, analyst.password(), NEW_PASSWORD)).hasRedirectedUrl("/settings");

        assertSentToSignIn(mvc.get().uri("/").cookie(phone).exchange());
        assertThat(mvc.get().uri("/").cookie(laptop)).hasStatusOk();
        assertThat(mvc.get().uri("/settings").cookie(laptop))
                .bodyText()
                .contains("Your password has been changed. Other sessions have been signed out.");
        assertThat(SignIn.attempt(mvc, analyst.email(), analyst.password(), "198.51.100.253"))
                .hasRedirectedUrl("/login?error=invalid");
        assertThat(auditTrail.actionsBy(workspace, analyst.email())).contains(AuditAction.PASSWORD_CHANGED);
    }

    @Test
    void aSessionEndsOnceItIsOlderThanTheAbsoluteLifetimeHoweverActive() {
        TestUser analyst = testWorkspaces.addUser(workspace, PlatformRole.ANALYST);
        Cookie session = SignIn.as(mvc, analyst);
        Duration lifetime = properties.absoluteSessionLifetime();
        assertThat(lifetime).isEqualTo(Duration.ofHours(12));

        signedInAgo(session, lifetime.minusMinutes(1));
        assertThat(mvc.get().uri("/").cookie(session))
                .as("just within the lifetime")
                .hasStatusOk();

        signedInAgo(session, lifetime.plusMinutes(1));
        assertThat(mvc.get().uri("/").cookie(session)).hasRedirectedUrl("/login?expired");
        assertThat(mvc.get().uri("/login?expired"))
                .bodyText()
                .contains("Your session reached its maximum length. Sign in again.");
        assertSentToSignIn(mvc.get().uri("/").cookie(session).exchange());
        assertThat(auditTrail.actionsBy(workspace, analyst.email())).contains(AuditAction.SESSION_ENDED);
    }

    @Test
    void signingOutEndsTheSession() {
        TestUser analyst = testWorkspaces.addUser(workspace, PlatformRole.ANALYST);
        Cookie session = SignIn.as(mvc, analyst);

        MvcTestResult signOut =
                mvc.post().uri("/logout").cookie(session).with(csrf()).exchange();

        assertThat(signOut).hasRedirectedUrl("/login?signedout");
        assertThat(mvc.get().uri("/login?signedout")).bodyText().contains("You have signed out.");
        assertSentToSignIn(mvc.get().uri("/").cookie(session).exchange());
        assertThat(auditTrail.actionsBy(workspace, analyst.email())).contains(AuditAction.SIGNED_OUT);
    }

    private void changeRole(TestUser user, PlatformRole role) {
        assertThat(mvc.post()
                        .uri("/admin/users/{id}/role", user.id())
                        .param("role", role.name())
                        .cookie(admin)
                        .with(csrf()))
                .hasRedirectedUrl("/admin/users/" + user.id());
    }

    private MvcTestResult changePassword(Cookie session, String current, String chosen) {
        return mvc.post()
                .uri("/account/password")
                .param("currentPassword", current)
                .param("newPassword", chosen)
                .param("confirmPassword", chosen)
                .cookie(session)
                .with(csrf())
                .exchange();
    }

    /** What an old cookie gets once its session is gone from the store: treated as anonymous. */
    private static void assertSentToSignIn(MvcTestResult result) {
        assertThat(result).hasRedirectedUrl("/login");
    }

    /** Moves the moment of sign-in recorded in the stored session back, as if the user had signed in that long ago. */
    private void signedInAgo(Cookie cookie, Duration ago) {
        String sessionId = new String(Base64.getDecoder().decode(cookie.getValue()), StandardCharsets.UTF_8);
        backdate(sessions, sessionId, clock.millis() - ago.toMillis());
    }

    private static <S extends Session> void backdate(
            FindByIndexNameSessionRepository<S> repository, String sessionId, long signedInAt) {
        S session = repository.findById(sessionId);
        assertThat(session).as("stored session " + sessionId).isNotNull();
        assertThat(session.<Object>getAttribute(SignInOutcomes.SIGNED_IN_AT)).isInstanceOf(Long.class);
        session.setAttribute(SignInOutcomes.SIGNED_IN_AT, signedInAt);
        repository.save(session);
    }
}
