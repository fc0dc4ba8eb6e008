package io.bridgehead.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import io.bridgehead.audit.AuditAction;
import io.bridgehead.audit.AuditLog;
import io.bridgehead.audit.AuditQuery;
import io.bridgehead.shared.tenant.TenantContext;
import io.bridgehead.support.IntegrationTest;
import io.bridgehead.support.SignIn;
import io.bridgehead.support.TestWorkspaces;
import io.bridgehead.support.TestWorkspaces.TestWorkspace;
import jakarta.servlet.http.Cookie;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SignInTest {

    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    @Autowired
    MockMvcTester mvc;

    @Autowired
    TestWorkspaces testWorkspaces;

    @Autowired
    AuditLog auditLog;

    TestWorkspace workspace;

    @BeforeAll
    void createWorkspace() {
        workspace = testWorkspaces.create("Sign-in");
    }

    @Test
    void correctPasswordSignsInWithANewSessionId() {
        Cookie anonymous = SignIn.sessionCookie(mvc.get().uri("/login").exchange());
        MvcTestResult result = mvc.post()
                .uri("/login")
                .cookie(anonymous)
                .param("email", workspace.admin().email())
                .param("password", workspace.admin().password())
                .with(csrf())
                .exchange();

        assertThat(result).hasStatus3xxRedirection().hasRedirectedUrl("/");
        Cookie signedIn = SignIn.sessionCookie(result);
        assertThat(signedIn.getValue()).isNotEqualTo(anonymous.getValue());
        assertThat(mvc.get().uri("/").cookie(signedIn)).hasStatusOk().bodyText().contains("Welcome, Test Admin");
        assertThat(mvc.get().uri("/").cookie(anonymous)).hasStatus3xxRedirection();
        assertThat(auditActionsFor(workspace.admin().email())).contains(AuditAction.SIGN_IN_SUCCEEDED);
    }

    @Test
    void sessionIdsCarry216RandomBitsAndNeverRepeat() {
        java.util.Set<String> ids = new java.util.HashSet<>();
        for (int i = 0; i < 40; i++) {
            ids.add(sessionId(SignIn.sessionCookie(mvc.get().uri("/login").exchange())));
        }
        String signedIn = sessionId(SignIn.as(mvc, workspace.admin()));
        ids.add(signedIn);

        assertThat(ids).hasSize(41).allSatisfy(id -> assertThat(id).matches("[A-Za-z0-9_-]{36}"));
        // Not Spring Session's UUID default (122 random bits), and the id the server keeps is the one in the cookie.
        assertThat(signedIn).doesNotMatch("[0-9a-f]{8}-[0-9a-f]{4}-.*");
        assertThat(jdbc.queryForObject(
                        "select count(*) from spring_session where session_id = ?", Integer.class, signedIn))
                .isEqualTo(1);
    }

    @Test
    @org.junit.jupiter.api.extension.ExtendWith(org.springframework.boot.test.system.OutputCaptureExtension.class)
    void aFailedSignInWithAnUnknownAddressIsLoggedWithoutWhatWasTyped(
            org.springframework.boot.test.system.CapturedOutput output) {
        String typed = "Secret-typed-into-the-email-field-" + UUID.randomUUID();

        SignIn.attempt(mvc, typed, "Wrong-password-123", "198.51.100.23");

        assertThat(output.getOut()).contains("Not attributable to a workspace: SIGN_IN_FAILED from 198.51.100.23");
        assertThat(output.getAll()).doesNotContain(typed);
    }

    private static String sessionId(Cookie cookie) {
        return new String(
                java.util.Base64.getDecoder().decode(cookie.getValue()), java.nio.charset.StandardCharsets.US_ASCII);
    }

    @Test
    void wrongPasswordAndUnknownEmailGetTheSameAnswer() {
        MvcTestResult wrongPassword =
                SignIn.attempt(mvc, workspace.admin().email(), "Wrong-password-123", "203.0.113.7");
        MvcTestResult unknown =
                SignIn.attempt(mvc, "nobody-" + UUID.randomUUID() + "@test.local", "Wrong-password-123", "203.0.113.7");

        assertThat(wrongPassword).hasRedirectedUrl("/login?error=invalid");
        assertThat(unknown).hasRedirectedUrl("/login?error=invalid");
        assertThat(mvc.get().uri("/login?error=invalid")).bodyText().contains("Invalid e-mail or password.");
    }

    private List<AuditAction> auditActionsFor(String email) {
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                        "test",
                        null,
                        List.of(new org.springframework.security.core.authority.SimpleGrantedAuthority("ROLE_ADMIN"))));
        try {
            return TenantContext.callAs(
                    workspace.id(),
                    () -> auditLog.search(new AuditQuery(email, null, null, null, null, 0))
                            .map(e -> e.action())
                            .getContent());
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
