package io.bridgehead.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bridgehead.audit.AuditAction;
import io.bridgehead.audit.AuditEntryView;
import io.bridgehead.identity.InviteStaffCmd;
import io.bridgehead.identity.StaffAccounts;
import io.bridgehead.support.ActingAs;
import io.bridgehead.support.AuditTrail;
import io.bridgehead.support.ErrorPages;
import io.bridgehead.support.IntegrationTest;
import io.bridgehead.support.SignIn;
import io.bridgehead.support.TestMail;
import io.bridgehead.support.TestWorkspaces;
import io.bridgehead.support.TestWorkspaces.TestUser;
import io.bridgehead.support.TestWorkspaces.TestWorkspace;
import jakarta.servlet.http.Cookie;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PermissionEnforcementTest {

    private static final List<String> ADMIN_PAGES =
            List.of("/admin/users", "/admin/audit", "/admin/mail", "/admin/workspace");

    @Autowired
    MockMvcTester mvc;

    @Autowired
    TestWorkspaces testWorkspaces;

    @Autowired
    AuditTrail auditTrail;

    @Autowired
    StaffAccounts accounts;

    TestWorkspace workspace;

    @BeforeAll
    void createWorkspace() {
        workspace = testWorkspaces.create("Permissions");
    }

    @ParameterizedTest
    @EnumSource(
            value = PlatformRole.class,
            names = {"ANALYST", "REVIEWER", "VIEWER"})
    void adminPagesAreRefusedToEveryOtherRoleAndEachRefusalIsAudited(PlatformRole role) {
        TestUser user = testWorkspaces.addUser(workspace, role);
        Cookie session = SignIn.as(mvc, user);

        for (String page : ADMIN_PAGES) {
            assertThat(mvc.get().uri(page).cookie(session))
                    .as(role + " on " + page)
                    .hasStatus(403);
        }

        List<AuditEntryView> refusals = auditTrail.entriesBy(workspace, user.email()).stream()
                .filter(entry -> entry.action() == AuditAction.PERMISSION_DENIED)
                .toList();
        assertThat(refusals).extracting(AuditEntryView::actorEmail).containsOnly(user.email());
        assertThat(refusals)
                .extracting(AuditEntryView::target)
                .containsExactlyInAnyOrder(
                        ADMIN_PAGES.stream().map(page -> "GET " + page).toArray(String[]::new));
    }

    @Test
    void theRefusalPageTellsTheUserToAskAnAdmin() {
        TestUser analyst = testWorkspaces.addUser(workspace, PlatformRole.ANALYST);
        MvcTestResult refused = mvc.get()
                .uri("/admin/users")
                .cookie(SignIn.as(mvc, analyst))
                .accept(MediaType.TEXT_HTML)
                .exchange();

        assertThat(ErrorPages.render(mvc, refused))
                .hasStatus(403)
                .bodyText()
                .contains("Your role does not allow this page or action.")
                .doesNotContain("This form expired");
    }

    @Test
    void adminPagesOpenForAnAdmin() {
        Cookie session = SignIn.as(mvc, workspace.admin());

        for (String page : ADMIN_PAGES) {
            assertThat(mvc.get().uri(page).cookie(session)).as(page).hasStatusOk();
        }
        assertThat(auditTrail.actionsBy(workspace, workspace.admin().email()))
                .doesNotContain(AuditAction.PERMISSION_DENIED);
    }

    @Test
    void servicesRefuseToo_notOnlyUrls() {
        TestUser analyst = testWorkspaces.addUser(workspace, PlatformRole.ANALYST);
        String invitee = "invitee-" + UUID.randomUUID().toString().substring(0, 8) + "@test.local";

        assertThatThrownBy(() -> ActingAs.run(
                        workspace, analyst, () -> accounts.invite(new InviteStaffCmd(invitee, PlatformRole.ADMIN))))
                .isInstanceOf(AccessDeniedException.class);

        assertThat(ActingAs.call(workspace, workspace.admin(), accounts::openInvitations))
                .noneMatch(invitation -> invitation.email().equals(invitee));
        assertThat(TestMail.to(invitee)).isEmpty();
        assertThat(auditTrail.entriesBy(workspace, analyst.email())).anySatisfy(entry -> {
            assertThat(entry.action()).isEqualTo(AuditAction.PERMISSION_DENIED);
            assertThat(entry.actorEmail()).isEqualTo(analyst.email());
            assertThat(entry.target()).isEqualTo(Permission.ADMINISTER_WORKSPACE.name());
        });
    }

    @Test
    void pagesOnlyOfferWhatTheUserMayDo() {
        TestUser analyst = testWorkspaces.addUser(workspace, PlatformRole.ANALYST);

        assertThat(mvc.get().uri("/").cookie(SignIn.as(mvc, analyst)))
                .hasStatusOk()
                .bodyText()
                .doesNotContain("href=\"/admin/users\"")
                .doesNotContain("href=\"/admin/audit\"")
                .doesNotContain("Manage users");
        assertThat(mvc.get().uri("/").cookie(SignIn.as(mvc, workspace.admin())))
                .hasStatusOk()
                .bodyText()
                .contains("href=\"/admin/users\"")
                .contains("href=\"/admin/audit\"")
                .contains("Manage users");
    }
}
