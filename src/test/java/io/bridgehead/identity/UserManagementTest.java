package io.bridgehead.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import io.bridgehead.access.PlatformRole;
import io.bridgehead.support.Html;
import io.bridgehead.support.IntegrationTest;
import io.bridgehead.support.SignIn;
import io.bridgehead.support.TestWorkspaces;
import io.bridgehead.support.TestWorkspaces.TestUser;
import io.bridgehead.support.TestWorkspaces.TestWorkspace;
import jakarta.servlet.http.Cookie;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UserManagementTest {

    private static final String LAST_ADMIN = "The workspace needs at least one active Admin.";

    @Autowired
    MockMvcTester mvc;

    @Autowired
    TestWorkspaces testWorkspaces;

    TestWorkspace workspace;
    Cookie admin;

    @BeforeAll
    void createWorkspace() {
        workspace = testWorkspaces.create("User management");
        admin = SignIn.as(mvc, workspace.admin());
    }

    @Test
    void usersListShowsNameRoleStatusAndLastSignIn() {
        Instant start = Instant.now().minus(Duration.ofMinutes(1));
        TestUser signedIn = testWorkspaces.addUser(workspace, PlatformRole.REVIEWER);
        TestUser neverSignedIn = testWorkspaces.addUser(workspace, PlatformRole.VIEWER);
        SignIn.as(mvc, signedIn);

        String page = Html.of(mvc.get().uri("/admin/users").cookie(admin).exchange());

        Matcher signedInRow = Pattern.compile(">Test Reviewer</a></td>\\s*<td>" + Pattern.quote(signedIn.email())
                        + "</td>\\s*<td>Reviewer</td>\\s*<td><span class=\"badge ok\">Active</span></td>"
                        + "\\s*<td><time datetime=\"([^\"]+)\">\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2} UTC</time>")
                .matcher(page);
        assertThat(signedInRow.find()).as("row of the user who signed in").isTrue();
        assertThat(Instant.parse(signedInRow.group(1))).isBetween(start, Instant.now());
        assertThat(page)
                .containsPattern(">Test Viewer</a></td>\\s*<td>" + Pattern.quote(neverSignedIn.email())
                        + "</td>\\s*<td>Viewer</td>\\s*<td><span class=\"badge ok\">Active</span></td>"
                        + "\\s*<td><span class=\"muted\">Never</span>");
    }

    @Test
    void adminChangesARoleAndTheUserHasItOnTheirNextRequest() {
        TestUser user = testWorkspaces.addUser(workspace, PlatformRole.ANALYST);
        Cookie session = SignIn.as(mvc, user);

        MvcTestResult changed = changeRole(admin, user.id(), PlatformRole.REVIEWER);

        assertThat(changed).hasStatus3xxRedirection().hasRedirectedUrl("/admin/users/" + user.id());
        assertThat(changed).flash().containsEntry("flash", "Role changed to Reviewer.");
        assertThat(mvc.get().uri("/admin/users/{id}", user.id()).cookie(admin))
                .hasStatusOk()
                .bodyText()
                .contains("<option value=\"REVIEWER\" selected=\"selected\">Reviewer</option>");
        assertThat(mvc.get().uri("/").cookie(session))
                .hasStatusOk()
                .bodyText()
                .contains("<span class=\"badge\">Reviewer</span>");
        assertThat(auditPage("ROLE_CHANGED"))
                .contains("<td>" + user.email() + "</td>")
                .contains("<td>Analyst → Reviewer</td>");
    }

    @Test
    void lastActiveAdminCannotDemoteOrDeactivateThemselves() {
        TestWorkspace solo = testWorkspaces.create("Solo admin");
        Cookie soloAdmin = SignIn.as(mvc, solo.admin());
        UUID self = solo.admin().id();

        MvcTestResult demote = changeRole(soloAdmin, self, PlatformRole.ANALYST);
        assertThat(demote).hasStatusOk().bodyText().contains(LAST_ADMIN);
        MvcTestResult deactivate = post(soloAdmin, "/admin/users/" + self + "/deactivate");
        assertThat(deactivate).hasStatusOk().bodyText().contains(LAST_ADMIN);

        assertThat(mvc.get().uri("/admin/users/{id}", self).cookie(soloAdmin))
                .hasStatusOk()
                .bodyText()
                .contains("<option value=\"ADMIN\" selected=\"selected\">Admin</option>")
                .contains("<span class=\"badge ok\">Active</span>");
        assertThat(mvc.get().uri("/admin/users").cookie(soloAdmin)).hasStatusOk();
    }

    @Test
    void withTwoAdminsOneCanBeDemotedAndLosesAdminPagesAtOnce() {
        TestWorkspace pair = testWorkspaces.create("Two admins");
        TestUser second = testWorkspaces.addUser(pair, PlatformRole.ADMIN);
        Cookie first = SignIn.as(mvc, pair.admin());
        Cookie secondSession = SignIn.as(mvc, second);
        assertThat(mvc.get().uri("/admin/users").cookie(secondSession)).hasStatusOk();

        assertThat(changeRole(first, second.id(), PlatformRole.ANALYST))
                .hasRedirectedUrl("/admin/users/" + second.id());

        assertThat(mvc.get().uri("/admin/users").cookie(secondSession)).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(changeRole(first, pair.admin().id(), PlatformRole.ANALYST))
                .hasStatusOk()
                .bodyText()
                .contains(LAST_ADMIN);
    }

    @Test
    void deactivatedUserIsSignedOutAndCannotSignInUntilReactivated() {
        TestUser user = testWorkspaces.addUser(workspace, PlatformRole.ANALYST);
        Cookie session = SignIn.as(mvc, user);

        MvcTestResult deactivated = post(admin, "/admin/users/" + user.id() + "/deactivate");

        assertThat(deactivated).hasRedirectedUrl("/admin/users/" + user.id());
        assertThat(deactivated).flash().containsEntry("flash", "User deactivated; their sessions have ended.");
        assertThat(mvc.get().uri("/admin/users/{id}", user.id()).cookie(admin))
                .bodyText()
                .contains("<span class=\"badge off\">Deactivated</span>");
        MvcTestResult oldSession = mvc.get().uri("/").cookie(session).exchange();
        assertThat(oldSession).hasStatus3xxRedirection();
        assertThat(oldSession.getResponse().getRedirectedUrl()).contains("/login");
        assertThat(SignIn.attempt(mvc, user.email(), user.password(), "203.0.113.61"))
                .hasRedirectedUrl("/login?error=invalid");

        MvcTestResult reactivated = post(admin, "/admin/users/" + user.id() + "/reactivate");

        assertThat(reactivated).hasRedirectedUrl("/admin/users/" + user.id());
        assertThat(mvc.get().uri("/admin/users/{id}", user.id()).cookie(admin))
                .bodyText()
                .contains("<span class=\"badge ok\">Active</span>");
        assertThat(SignIn.attempt(mvc, user.email(), user.password(), "203.0.113.62"))
                .hasRedirectedUrl("/");
        assertThat(auditPage("USER_DEACTIVATED")).contains("<td>" + user.email() + "</td>");
        assertThat(auditPage("USER_REACTIVATED")).contains("<td>" + user.email() + "</td>");
    }

    @Test
    void usersOfAnotherWorkspaceAreNotFound() {
        TestWorkspace other = testWorkspaces.create("Someone else's");
        UUID stranger = other.admin().id();

        assertThat(mvc.get().uri("/admin/users/{id}", stranger).cookie(admin)).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(changeRole(admin, stranger, PlatformRole.VIEWER)).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(post(admin, "/admin/users/" + stranger + "/deactivate")).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(mvc.get().uri("/admin/users/{id}", UUID.randomUUID()).cookie(admin))
                .hasStatus(HttpStatus.NOT_FOUND);

        Cookie strangerSession = SignIn.as(mvc, other.admin());
        assertThat(mvc.get().uri("/admin/users/{id}", stranger).cookie(strangerSession))
                .hasStatusOk()
                .bodyText()
                .contains("<option value=\"ADMIN\" selected=\"selected\">Admin</option>")
                .contains("<span class=\"badge ok\">Active</span>");
    }

    private MvcTestResult changeRole(Cookie session, UUID userId, PlatformRole role) {
        return mvc.post()
                .uri("/admin/users/{id}/role", userId)
                .cookie(session)
                .param("role", role.name())
                .with(csrf())
                .exchange();
    }

    private MvcTestResult post(Cookie session, String path) {
        return mvc.post().uri(path).cookie(session).with(csrf()).exchange();
    }

    private String auditPage(String action) {
        return Html.of(mvc.get()
                .uri("/admin/audit?action={action}", action)
                .cookie(admin)
                .exchange());
    }
}
