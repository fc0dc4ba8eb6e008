package io.bridgehead.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import io.bridgehead.access.PlatformRole;
import io.bridgehead.access.PortalRole;
import io.bridgehead.audit.AuditAction;
import io.bridgehead.notifications.Outbox;
import io.bridgehead.projects.ProjectStatus;
import io.bridgehead.support.AuditTrail;
import io.bridgehead.support.Html;
import io.bridgehead.support.IntegrationTest;
import io.bridgehead.support.SignIn;
import io.bridgehead.support.TestClients;
import io.bridgehead.support.TestMail;
import io.bridgehead.support.TestPortal;
import io.bridgehead.support.TestPortal.PortalUser;
import io.bridgehead.support.TestWorkspaces;
import io.bridgehead.support.TestWorkspaces.TestUser;
import io.bridgehead.support.TestWorkspaces.TestWorkspace;
import jakarta.servlet.http.Cookie;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PortalUserManagementTest {

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

    TestWorkspace workspace;
    UUID client;
    UUID otherClient;
    Cookie analyst;
    Cookie reviewer;
    String portal;

    @BeforeAll
    void setUp() {
        workspace = testWorkspaces.create("Portal users");
        client = testClients.create(workspace, "Contoso Ltd");
        otherClient = testClients.create(workspace, "Fabrikam Inc");
        TestUser analystUser = testWorkspaces.addUser(workspace, PlatformRole.ANALYST);
        analyst = SignIn.as(mvc, analystUser);
        reviewer = SignIn.as(mvc, testWorkspaces.addUser(workspace, PlatformRole.REVIEWER));
        portal = "/portal/" + workspace.slug();
        testPortal.enable(workspace, client);
        testPortal.enable(workspace, otherClient);
    }

    @Test
    void anAnalystInvitesAClientPersonFromTheClientsSettings() {
        String email = "dana-" + UUID.randomUUID().toString().substring(0, 6) + "@contoso.test";

        MvcTestResult invited = invite(analyst, client, email, "Dana Scully", "COLLABORATOR");

        assertThat(invited).hasStatus3xxRedirection();
        String settings =
                Html.of(mvc.get().uri("/clients/" + client + "/settings").cookie(analyst));
        assertThat(settings).contains("Dana Scully", email, "Collaborator", "Invited");
        outbox.flush();
        assertThat(TestMail.linkTo(email, portal + "/invitation/")).startsWith("http");
        assertThat(auditTrail.actionsBy(workspace, "")).contains(AuditAction.PORTAL_USER_INVITED);
    }

    @Test
    void anAddressWithPortalAccessCannotBeInvitedTwiceAndTheFormKeepsTheInput() {
        String email = "twice-" + UUID.randomUUID().toString().substring(0, 6) + "@contoso.test";
        invite(analyst, client, email, "First Person", "VIEWER");

        MvcTestResult again = invite(analyst, otherClient, email.toUpperCase(), "Second Person", "MANAGER");

        assertThat(again).hasStatusOk();
        String html = Html.of(again);
        assertThat(Html.fieldError(html, "email"))
                .isEqualTo("This address already has portal access in this workspace.");
        assertThat(html).contains("value=\"Second Person\"");
    }

    @Test
    void aReviewerMayNotManagePortalUsers() {
        assertThat(invite(reviewer, client, "nope@contoso.test", "Nope", "VIEWER"))
                .hasStatus(403);
        assertThat(Html.of(mvc.get().uri("/clients/" + client + "/settings").cookie(reviewer)))
                .doesNotContain("+ Add user")
                .doesNotContain("name=\"enabled\"");
    }

    @Test
    void aWrongAllowlistEntryIsNamedAndNothingIsSaved() {
        MvcTestResult result = mvc.post()
                .uri("/clients/" + client + "/portal")
                .param("enabled", "true")
                .param("showCvss", "true")
                .param("ipAllowlist", "10.0.0.0/8\nintranet.contoso.test\n")
                .cookie(analyst)
                .with(csrf())
                .exchange();

        assertThat(result).hasStatusOk();
        String html = Html.of(result);
        assertThat(Html.fieldError(html, "ipAllowlist")).contains("Line 2", "intranet.contoso.test");
        assertThat(html).contains("10.0.0.0/8\nintranet.contoso.test\n</textarea>");
        assertThat(Html.of(mvc.get().uri("/clients/" + client + "/settings").cookie(analyst)))
                .doesNotContain("10.0.0.0/8");
    }

    @Test
    void aManagerManagesTheirOwnOrganisationsUsersInThePortal() {
        PortalUser manager = testPortal.join(mvc, workspace, client, PortalRole.MANAGER);
        String email = "colleague-" + UUID.randomUUID().toString().substring(0, 6) + "@contoso.test";

        assertThat(mvc.post()
                        .uri(portal + "/users/new")
                        .param("email", email)
                        .param("fullName", "Colleague One")
                        .param("role", "VIEWER")
                        .cookie(manager.session())
                        .with(csrf()))
                .hasStatus3xxRedirection()
                .hasRedirectedUrl(portal + "/users");
        UUID colleague = testClients.value(
                workspace, UUID.class, "select id from portal_user where lower(email) = lower(?)", email);
        assertThat(mvc.post()
                        .uri(portal + "/users/" + colleague)
                        .param("email", email)
                        .param("fullName", "Colleague One")
                        .param("role", "COLLABORATOR")
                        .cookie(manager.session())
                        .with(csrf()))
                .hasStatus3xxRedirection();
        assertThat(Html.of(mvc.get().uri(portal + "/users").cookie(manager.session())))
                .contains("Colleague One", "Collaborator");
        assertThat(mvc.post()
                        .uri(portal + "/users/" + colleague + "/remove")
                        .cookie(manager.session())
                        .with(csrf()))
                .hasStatus3xxRedirection();
        assertThat(Html.of(mvc.get().uri(portal + "/users").cookie(manager.session())))
                .contains("Removed");
    }

    @Test
    void aManagerReachesNoUserOfAnotherClientAndCannotRemoveThemselves() {
        PortalUser manager = testPortal.join(mvc, workspace, client, PortalRole.MANAGER);
        PortalUser stranger = testPortal.join(mvc, workspace, otherClient, PortalRole.VIEWER);

        assertThat(mvc.get().uri(portal + "/users/" + stranger.id()).cookie(manager.session()))
                .hasStatus(404);
        assertThat(mvc.post()
                        .uri(portal + "/users/" + stranger.id() + "/remove")
                        .cookie(manager.session())
                        .with(csrf()))
                .hasStatus(404);
        assertThat(mvc.get().uri(portal + "/").cookie(stranger.session())).hasStatusOk();
        assertThat(mvc.post()
                        .uri(portal + "/users/" + manager.id() + "/remove")
                        .cookie(manager.session())
                        .with(csrf()))
                .hasStatus(409);
    }

    @Test
    void aManagerIsNotToldThatAnAddressBelongsToAnotherClient() {
        PortalUser manager = testPortal.join(mvc, workspace, client, PortalRole.MANAGER);
        PortalUser stranger = testPortal.join(mvc, workspace, otherClient, PortalRole.VIEWER);

        MvcTestResult result = mvc.post()
                .uri(portal + "/users/new")
                .param("email", stranger.email())
                .param("fullName", "Someone Else")
                .param("role", "VIEWER")
                .cookie(manager.session())
                .with(csrf())
                .exchange();

        assertThat(result).hasStatusOk();
        String error = Html.fieldError(Html.of(result), "email");
        assertThat(error).isEqualTo("This address cannot be invited here. If the person needs access, ask the firm.");
        assertThat(error).doesNotContain("Fabrikam").doesNotContain("already");
        assertThat(auditTrail.actionsBy(workspace, manager.email())).contains(AuditAction.PERMISSION_DENIED);
    }

    @Test
    void aManagerCannotSwapAnActiveUsersAddressForALookAlikeDomain() {
        PortalUser manager = testPortal.join(mvc, workspace, client, PortalRole.MANAGER);
        PortalUser colleague = testPortal.join(mvc, workspace, client, PortalRole.VIEWER);
        // "cl\u0131ent.test" (dotless i) equals "client.test" ignoring case in Java, but is another domain (an IDN).
        String lookAlike = colleague.email().replace("@client.test", "@cl\u0131ent.test");

        MvcTestResult result = mvc.post()
                .uri(portal + "/users/" + colleague.id())
                .param("email", lookAlike)
                .param("fullName", "Colleague")
                .param("role", "VIEWER")
                .cookie(manager.session())
                .with(csrf())
                .exchange();

        assertThat(result).hasStatusOk();
        assertThat(Html.fieldError(Html.of(result), "email")).startsWith("An active user changes their own e-mail");
        assertThat(testClients.value(
                        workspace, String.class, "select email from portal_user where id = ?", colleague.id()))
                .isEqualTo(colleague.email());
    }

    @Test
    void collaboratorsAndViewersCannotManageUsers() {
        PortalUser collaborator = testPortal.join(mvc, workspace, client, PortalRole.COLLABORATOR);

        assertThat(mvc.get().uri(portal + "/users").cookie(collaborator.session()))
                .hasStatus(403);
        assertThat(Html.of(mvc.get().uri(portal + "/").cookie(collaborator.session())))
                .doesNotContain(portal + "/users\"");
        assertThat(auditTrail.actionsBy(workspace, collaborator.email())).contains(AuditAction.PERMISSION_DENIED);
    }

    @Test
    void afterTheFirmResetsAnAuthenticatorOnlyTheEmailedLinkSetsUpANewOne() {
        PortalUser user = testPortal.join(mvc, workspace, client, PortalRole.VIEWER);

        assertThat(mvc.post()
                        .uri("/clients/" + client + "/portal-users/" + user.id() + "/reset-mfa")
                        .cookie(analyst)
                        .with(csrf()))
                .hasStatus3xxRedirection();

        assertThat(mvc.get().uri(portal + "/").cookie(user.session())).hasStatus3xxRedirection();
        MvcTestResult passwordOnly = mvc.post()
                .uri(portal + "/login")
                .param("email", user.email())
                .param("password", user.password())
                .with(csrf())
                .exchange();
        assertThat(passwordOnly).hasStatusOk();
        assertThat(Html.of(passwordOnly)).contains("no authenticator app set up yet");
        assertThat(mvc.get().uri(portal + "/login/enrol").cookie(TestPortal.cookieOrNull(passwordOnly)))
                .hasStatus3xxRedirection()
                .hasRedirectedUrl(portal + "/login?timeout");

        outbox.flush();
        PortalUser again = testPortal.accept(mvc, workspace, user.email());
        assertThat(again.recoveryCodes()).hasSize(10);
        assertThat(again.secret()).isNotEqualTo(user.secret());
        assertThat(auditTrail.actionsBy(workspace, "")).contains(AuditAction.PORTAL_MFA_RESET);
    }

    @Test
    void hidingAProjectTakesItOutOfThePortal() {
        PortalUser user = testPortal.join(mvc, workspace, client, PortalRole.VIEWER);
        UUID project = testClients.project(
                workspace, "Hidden Web Test " + UUID.randomUUID(), client, ProjectStatus.IN_PROGRESS);
        assertThat(mvc.get().uri(portal + "/projects/" + project).cookie(user.session()))
                .hasStatusOk();

        assertThat(mvc.post()
                        .uri("/clients/" + client + "/portal/projects/" + project)
                        .param("visible", "false")
                        .cookie(analyst)
                        .with(csrf()))
                .hasStatus3xxRedirection();

        assertThat(mvc.get().uri(portal + "/projects/" + project).cookie(user.session()))
                .hasStatus(404);
        assertThat(Html.of(mvc.get().uri(portal + "/projects").cookie(user.session())))
                .doesNotContain("Hidden Web Test");
    }

    @Test
    void theSettingsTabSetsWhichLogosReportCoversShow() {
        assertThat(mvc.post()
                        .uri("/clients/" + client + "/report-branding")
                        .param("firmLogo", "true")
                        .cookie(analyst)
                        .with(csrf()))
                .hasStatus3xxRedirection();
        String settings =
                Html.of(mvc.get().uri("/clients/" + client + "/settings").cookie(reviewer));
        assertThat(settings)
                .contains("Report branding", "Firm's logo</dt><dd>Shown", "Client's logo</dt><dd>Not shown");
        assertThat(mvc.post()
                        .uri("/clients/" + client + "/report-branding")
                        .param("clientLogo", "true")
                        .cookie(reviewer)
                        .with(csrf()))
                .hasStatus(403);
    }

    @Test
    void anotherWorkspacesClientSettingsAreNotFound() {
        TestWorkspace elsewhere = testWorkspaces.create("Portal users elsewhere");
        UUID theirs = testClients.create(elsewhere, "Elsewhere Co");

        assertThat(mvc.get().uri("/clients/" + theirs + "/settings").cookie(analyst))
                .hasStatus(404);
        assertThat(invite(analyst, theirs, "x@elsewhere.test", "X", "VIEWER")).hasStatus(404);
    }

    private MvcTestResult invite(Cookie who, UUID clientId, String email, String name, String role) {
        return mvc.post()
                .uri("/clients/" + clientId + "/portal-users/new")
                .param("email", email)
                .param("fullName", name)
                .param("role", role)
                .cookie(who)
                .with(csrf())
                .exchange();
    }
}
