package io.bridgehead.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.bridgehead.access.PlatformRole;
import io.bridgehead.audit.AuditAction;
import io.bridgehead.support.AuditTrail;
import io.bridgehead.support.IntegrationTest;
import io.bridgehead.support.SignIn;
import io.bridgehead.support.TestWorkspaces;
import io.bridgehead.support.TestWorkspaces.TestUser;
import io.bridgehead.support.TestWorkspaces.TestWorkspace;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * The throttle is installation-wide (per typed e-mail in the database, per IP in memory), so every test uses its own
 * e-mail addresses and its own IP addresses from the IPv6 documentation range.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SignInThrottlingTest {

    private static final String WRONG_PASSWORD = "Wrong-password-123";
    private static final String LOCK_MESSAGE =
            "Too many failed attempts. Sign-in for this e-mail is locked for 15 minutes";
    private static final String THROTTLE_MESSAGE = "Too many sign-in attempts from your network.";

    @Autowired
    MockMvcTester mvc;

    @Autowired
    TestWorkspaces testWorkspaces;

    @Autowired
    AuditTrail auditTrail;

    @Autowired
    IdentityProperties properties;

    TestWorkspace workspace;

    @BeforeAll
    void createWorkspace() {
        workspace = testWorkspaces.create("Throttling");
    }

    @Test
    void fiveWrongPasswordsLockTheAccountEvenAgainstTheCorrectPassword() {
        TestUser analyst = testWorkspaces.addUser(workspace, PlatformRole.ANALYST);
        String ip = freshIp();

        List<String> answers = new ArrayList<>();
        for (int attempt = 1; attempt <= SignInThrottle.MAX_FAILURES; attempt++) {
            answers.add(redirectOf(analyst.email(), WRONG_PASSWORD, ip));
        }

        assertThat(answers)
                .containsExactly(
                        "/login?error=invalid",
                        "/login?error=invalid",
                        "/login?error=invalid",
                        "/login?error=invalid",
                        "/login?error=locked");
        assertThat(mvc.get().uri("/login?error=locked"))
                .hasStatusOk()
                .bodyText()
                .contains(LOCK_MESSAGE);
        assertThat(SignIn.attempt(mvc, analyst.email(), analyst.password(), ip))
                .hasRedirectedUrl("/login?error=locked");
        assertThat(SignIn.attempt(mvc, analyst.email(), analyst.password(), freshIp()))
                .as("the lock belongs to the e-mail, not to the network it was tried from")
                .hasRedirectedUrl("/login?error=locked");

        List<AuditAction> audited = auditTrail.actionsBy(workspace, analyst.email());
        assertThat(audited).filteredOn(AuditAction.SIGN_IN_FAILED::equals).hasSize(SignInThrottle.MAX_FAILURES);
        assertThat(audited).filteredOn(AuditAction.ACCOUNT_LOCKED::equals).hasSize(1);
        assertThat(audited).doesNotContain(AuditAction.SIGN_IN_SUCCEEDED);
    }

    @Test
    void theLockIsCountedPerEmailSoOtherAccountsStillSignIn() {
        TestUser locked = testWorkspaces.addUser(workspace, PlatformRole.ANALYST);
        TestUser colleague = testWorkspaces.addUser(workspace, PlatformRole.ANALYST);
        String ip = freshIp();
        for (int attempt = 1; attempt <= SignInThrottle.MAX_FAILURES; attempt++) {
            SignIn.attempt(mvc, locked.email(), WRONG_PASSWORD, ip);
        }

        assertThat(SignIn.attempt(mvc, locked.email(), locked.password(), ip)).hasRedirectedUrl("/login?error=locked");
        assertThat(SignIn.attempt(mvc, colleague.email(), colleague.password(), ip))
                .hasRedirectedUrl("/");
    }

    @Test
    void anEmailWithoutAccountLocksExactlyLikeOneWithAnAccount() {
        TestUser analyst = testWorkspaces.addUser(workspace, PlatformRole.ANALYST);
        String nobody = "nobody-" + UUID.randomUUID() + "@test.local";
        String ip = freshIp();

        List<String> withAccount = new ArrayList<>();
        List<String> withoutAccount = new ArrayList<>();
        for (int attempt = 1; attempt <= SignInThrottle.MAX_FAILURES + 1; attempt++) {
            withAccount.add(redirectOf(analyst.email(), WRONG_PASSWORD, ip));
            withoutAccount.add(redirectOf(nobody, WRONG_PASSWORD, ip));
        }

        assertThat(withoutAccount)
                .containsExactly(
                        "/login?error=invalid",
                        "/login?error=invalid",
                        "/login?error=invalid",
                        "/login?error=invalid",
                        "/login?error=locked",
                        "/login?error=locked");
        assertThat(withoutAccount).isEqualTo(withAccount);
    }

    @Test
    void oneNetworkIsThrottledAfterTheAllowedAttemptsWhileOthersStillGetThrough() {
        assertThat(properties.signInAttemptsPerIp()).isEqualTo(30);
        assertThat(properties.signInIpWindow()).hasMinutes(5);
        TestUser analyst = testWorkspaces.addUser(workspace, PlatformRole.ANALYST);
        String busyIp = freshIp();

        // Each attempt with a different e-mail, so no e-mail lock gets in the way of the per-IP limit.
        List<String> allowed = new ArrayList<>();
        for (int attempt = 1; attempt <= properties.signInAttemptsPerIp(); attempt++) {
            allowed.add(redirectOf("guess-" + UUID.randomUUID() + "@test.local", WRONG_PASSWORD, busyIp));
        }
        String overLimit = redirectOf(analyst.email(), analyst.password(), busyIp);

        assertThat(allowed).containsOnly("/login?error=invalid");
        assertThat(overLimit)
                .as("even the correct password is not checked once the network is throttled")
                .isEqualTo("/login?error=throttled");
        assertThat(mvc.get().uri("/login?error=throttled"))
                .hasStatusOk()
                .bodyText()
                .contains(THROTTLE_MESSAGE);
        assertThat(SignIn.attempt(mvc, analyst.email(), analyst.password(), freshIp()))
                .hasRedirectedUrl("/");
    }

    private String redirectOf(String email, String password, String ip) {
        return SignIn.attempt(mvc, email, password, ip).getResponse().getRedirectedUrl();
    }

    /** An address nobody else in the test run uses (2001:db8::/32 is reserved for documentation). */
    private static String freshIp() {
        String hex = UUID.randomUUID().toString().replace("-", "");
        return "2001:db8:" + hex.substring(0, 4) + ":" + hex.substring(4, 8) + "::" + hex.substring(8, 12);
    }
}
