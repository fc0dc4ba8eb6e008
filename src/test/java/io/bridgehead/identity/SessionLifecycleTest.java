package io.bridgehead.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import io.bridgehead.access.PlatformRole;
import io.bridgehead.access.PortalRole;
import io.bridgehead.audit.AuditAction;
import io.bridgehead.support.AuditTrail;
import io.bridgehead.support.IntegrationTest;
import io.bridgehead.support.SignIn;
import io.bridgehead.support.TestClients;
import io.bridgehead.support.TestPortal;
import io.bridgehead.support.TestPortal.PortalUser;
import io.bridgehead.support.TestWorkspaces;
import io.bridgehead.support.TestWorkspaces.TestUser;
import io.bridgehead.support.TestWorkspaces.TestWorkspace;
import jakarta.servlet.http.Cookie;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * Session life cycle of both areas as an attacker holding an old cookie would notice it. Staff sign-in fixation, the
 * staff absolute lifetime, staff sign-out, deactivation and password change are proven in {@link SignInTest} and
 * {@link SessionPolicyTest}; portal removal and a disabled portal in {@code PortalSignInTest}. Time is moved by editing
 * the stored session (Spring Session's JDBC tables), never by waiting.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SessionLifecycleTest {

    private static final String NEW_PASSWORD = "Quiet-Meadow-31-Compass";

    @Autowired
    MockMvcTester mvc;

    @Autowired
    TestWorkspaces testWorkspaces;

    @Autowired
    TestClients testClients;

    @Autowired
    TestPortal testPortal;

    @Autowired
    AuditTrail auditTrail;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    FindByIndexNameSessionRepository<? extends Session> sessions;

    @Autowired
    IdentityProperties properties;

    @Autowired
    Clock clock;

    TestWorkspace workspace;
    UUID client;
    String portal;

    @BeforeAll
    void setUp() {
        workspace = testWorkspaces.create("Session life cycle");
        client = testClients.create(workspace, "Session Client");
        portal = "/portal/" + workspace.slug();
    }

    // Fixation ------------------------------------------------------------------------------------------------------

    @Test
    void thePortalSessionIdChangesAfterThePasswordAndAgainAfterTheAuthenticatorCode() {
        PortalUser user = testPortal.join(mvc, workspace, client, PortalRole.VIEWER);
        Cookie planted = TestPortal.cookie(mvc.get().uri(portal + "/login").exchange());

        MvcTestResult passwordStep = login(planted, user.email(), user.password());
        assertThat(passwordStep).hasRedirectedUrl(portal + "/login/code");
        Cookie pending = TestPortal.cookie(passwordStep);
        MvcTestResult codeStep = code(pending, TestPortal.code(user.secret(), 1));
        assertThat(codeStep).hasRedirectedUrl(portal + "/");
        Cookie signedIn = TestPortal.cookie(codeStep);

        assertThat(List.of(planted.getValue(), pending.getValue(), signedIn.getValue()))
                .doesNotHaveDuplicates();
        assertThat(mvc.get().uri(portal + "/").cookie(signedIn)).hasStatusOk();
        for (Cookie before : List.of(planted, pending)) {
            assertThat(mvc.get().uri(portal + "/").cookie(before))
                    .as("a session id known before sign-in finished opens nothing")
                    .hasStatus3xxRedirection()
                    .redirectedUrl()
                    .startsWith(portal + "/login");
        }
    }

    // Idle and absolute timeouts ------------------------------------------------------------------------------------

    @Test
    void aStaffSessionEndsAfterTheWorkspacesIdleTimeoutButNotBefore() {
        TestUser analyst = testWorkspaces.addUser(workspace, PlatformRole.ANALYST);
        Cookie session = SignIn.as(mvc, analyst);
        Duration idle = idleTimeoutOf(session);
        assertThat(idle).isEqualTo(Duration.ofMinutes(30));

        idleFor(session, idle.minusMinutes(1));
        assertThat(mvc.get().uri("/").cookie(session))
                .as("a minute before the idle timeout")
                .hasStatusOk();

        idleFor(session, idle.plusMinutes(1));
        assertThat(mvc.get().uri("/").cookie(session)).hasRedirectedUrl("/login");
        assertThat(storedSession(session))
                .as("the expired session is deleted from the store")
                .isZero();
    }

    @Test
    void aPortalSessionEndsAfterThePortalIdleTimeoutButNotBefore() {
        PortalUser user = testPortal.join(mvc, workspace, client, PortalRole.VIEWER);
        Cookie session = user.session();
        Duration idle = idleTimeoutOf(session);
        assertThat(idle).isEqualTo(Duration.ofMinutes(15));

        idleFor(session, idle.minusMinutes(1));
        assertThat(mvc.get().uri(portal + "/").cookie(session)).hasStatusOk();

        idleFor(session, idle.plusMinutes(1));
        assertThat(mvc.get().uri(portal + "/").cookie(session))
                .hasStatus3xxRedirection()
                .redirectedUrl()
                .startsWith(portal + "/login");
        assertThat(storedSession(session)).isZero();
    }

    @Test
    void aPortalSessionEndsAfterTheAbsoluteLifetimeHoweverActive() {
        PortalUser user = testPortal.join(mvc, workspace, client, PortalRole.VIEWER);
        Duration lifetime = properties.absoluteSessionLifetime();
        assertThat(lifetime).isEqualTo(Duration.ofHours(12));

        signedInAgo(user.session(), lifetime.minusMinutes(1));
        assertThat(mvc.get().uri(portal + "/").cookie(user.session())).hasStatusOk();

        signedInAgo(user.session(), lifetime.plusMinutes(1));
        assertThat(mvc.get().uri(portal + "/").cookie(user.session())).hasRedirectedUrl(portal + "/login?expired");
        assertThat(mvc.get().uri(portal + "/").cookie(user.session()))
                .hasStatus3xxRedirection()
                .redirectedUrl()
                .startsWith(portal + "/login");
        assertThat(auditTrail.actionsBy(workspace, user.email())).contains(AuditAction.SESSION_ENDED);
    }

    // Sign-out -------------------------------------------------------------------------------------------------------

    @Test
    void signingOutOfThePortalDeletesTheSessionOnTheServer() {
        PortalUser user = testPortal.join(mvc, workspace, client, PortalRole.VIEWER);
        assertThat(storedSession(user.session())).isOne();

        MvcTestResult signOut = mvc.post()
                .uri(portal + "/logout")
                .cookie(user.session())
                .with(csrf())
                .exchange();

        assertThat(signOut).hasRedirectedUrl(portal + "/login?signedout");
        assertThat(signOut.getResponse().getCookie(TestPortal.COOKIE).getMaxAge())
                .as("the browser is told to drop the cookie")
                .isZero();
        assertThat(storedSession(user.session()))
                .as("gone from the store, not only from the browser")
                .isZero();
        assertThat(mvc.get().uri(portal + "/").cookie(user.session()))
                .as("replaying the old cookie")
                .hasStatus3xxRedirection()
                .redirectedUrl()
                .startsWith(portal + "/login");
        assertThat(auditTrail.actionsBy(workspace, user.email())).contains(AuditAction.PORTAL_SIGNED_OUT);
    }

    @Test
    void signingOutOfStaffPagesDeletesTheSessionOnTheServer() {
        TestUser analyst = testWorkspaces.addUser(workspace, PlatformRole.ANALYST);
        Cookie session = SignIn.as(mvc, analyst);
        assertThat(storedSession(session)).isOne();

        MvcTestResult signOut =
                mvc.post().uri("/logout").cookie(session).with(csrf()).exchange();

        assertThat(signOut.getResponse().getCookie(SignIn.COOKIE).getMaxAge()).isZero();
        assertThat(storedSession(session)).isZero();
    }

    // Access taken away -------------------------------------------------------------------------------------------

    @Test
    void archivingTheClientEndsItsPortalUsersSessionsAtTheNextRequest() {
        UUID archived = testClients.create(workspace, "Archived Client " + UUID.randomUUID());
        PortalUser user = testPortal.join(mvc, workspace, archived, PortalRole.MANAGER);
        assertThat(mvc.get().uri(portal + "/").cookie(user.session())).hasStatusOk();

        testClients.archive(workspace, archived);

        assertThat(mvc.get().uri(portal + "/").cookie(user.session())).hasRedirectedUrl(portal + "/login?ended");
        assertThat(storedSession(user.session())).isZero();
        assertThat(login(null, user.email(), user.password())).hasStatusOk();
    }

    @Test
    void changingThePortalPasswordEndsTheUsersOtherSessionsButNotThisOne() {
        PortalUser user = testPortal.join(mvc, workspace, client, PortalRole.VIEWER);
        Cookie laptop = user.session();
        Cookie phone = TestPortal.cookie(
                code(TestPortal.cookie(login(null, user.email(), user.password())), TestPortal.code(user.secret(), 1)));
        assertThat(mvc.get().uri(portal + "/").cookie(phone)).hasStatusOk();

        assertThat(mvc.post()
                        .uri(portal + "/account/password")
                        .param("currentPassword", user.password())
                        .param("newPassword", NEW_PASSWORD)
                        .param("confirmPassword", NEW_PASSWORD)
                        .cookie(laptop)
                        .with(csrf()))
                .hasRedirectedUrl(portal + "/account");

        assertThat(mvc.get().uri(portal + "/").cookie(phone))
                .hasStatus3xxRedirection()
                .redirectedUrl()
                .startsWith(portal + "/login");
        assertThat(storedSession(phone)).isZero();
        assertThat(mvc.get().uri(portal + "/").cookie(laptop)).hasStatusOk();
    }

    // Cookies -------------------------------------------------------------------------------------------------------

    @Test
    void bothSessionCookiesAreHostOnlyHttpOnlySameSiteAndSecureOverHttps() {
        for (String page : List.of("/login", portal + "/login")) {
            String cookieName = page.startsWith("/portal/") ? TestPortal.COOKIE : SignIn.COOKIE;
            String overHttp = setCookie(mvc.get().uri(page).exchange(), cookieName);
            String overHttps = setCookie(
                    mvc.get()
                            .uri(page)
                            .with(request -> {
                                request.setSecure(true);
                                request.setScheme("https");
                                return request;
                            })
                            .exchange(),
                    "__Host-" + cookieName);

            for (String header : List.of(overHttp, overHttps)) {
                assertThat(header)
                        .as(page)
                        .contains("HttpOnly")
                        .contains("SameSite=Lax")
                        .contains("Path=/;")
                        .doesNotContainIgnoringCase("Domain=")
                        .doesNotContainIgnoringCase("Max-Age")
                        .doesNotContainIgnoringCase("Expires");
            }
            assertThat(overHttp).doesNotContain("Secure");
            assertThat(overHttps).contains("Secure");
        }
    }

    // Helpers -------------------------------------------------------------------------------------------------------

    private MvcTestResult login(Cookie cookie, String email, String password) {
        var request = mvc.post()
                .uri(portal + "/login")
                .param("email", email)
                .param("password", password)
                .with(csrf())
                .with(SignIn.from("203.0.113.40"));
        return (cookie == null ? request : request.cookie(cookie)).exchange();
    }

    private MvcTestResult code(Cookie pending, String code) {
        return mvc.post()
                .uri(portal + "/login/code")
                .param("code", code)
                .cookie(pending)
                .with(csrf())
                .exchange();
    }

    private static String setCookie(MvcTestResult result, String name) {
        return result.getResponse().getHeaders("Set-Cookie").stream()
                .filter(header -> header.startsWith(name + "="))
                .findFirst()
                .orElseThrow(() -> new AssertionError("No " + name + " cookie set"));
    }

    private static String sessionId(Cookie cookie) {
        return new String(Base64.getDecoder().decode(cookie.getValue()), StandardCharsets.UTF_8);
    }

    private long storedSession(Cookie cookie) {
        return jdbc.queryForObject(
                "select count(*) from spring_session where session_id = ?", Long.class, sessionId(cookie));
    }

    private Duration idleTimeoutOf(Cookie cookie) {
        return Duration.ofSeconds(jdbc.queryForObject(
                "select max_inactive_interval from spring_session where session_id = ?",
                Integer.class,
                sessionId(cookie)));
    }

    /** As if the last request with this session had been {@code ago} earlier. */
    private void idleFor(Cookie cookie, Duration ago) {
        long lastAccess = clock.millis() - ago.toMillis();
        assertThat(jdbc.update(
                        "update spring_session set last_access_time = ?, expiry_time = ? + max_inactive_interval * 1000"
                                + " where session_id = ?",
                        lastAccess,
                        lastAccess,
                        sessionId(cookie)))
                .isOne();
    }

    /** Moves the portal sign-in time recorded in the stored session back. */
    private void signedInAgo(Cookie cookie, Duration ago) {
        backdate(sessions, sessionId(cookie), clock.millis() - ago.toMillis());
    }

    private static <S extends Session> void backdate(
            FindByIndexNameSessionRepository<S> repository, String sessionId, long signedInAt) {
        S session = repository.findById(sessionId);
        assertThat(session).as("stored session " + sessionId).isNotNull();
        assertThat(session.<Object>getAttribute(PortalSessions.SIGNED_IN_AT)).isInstanceOf(Long.class);
        session.setAttribute(PortalSessions.SIGNED_IN_AT, signedInAt);
        repository.save(session);
    }
}
