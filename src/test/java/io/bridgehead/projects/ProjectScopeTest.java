package io.bridgehead.projects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import io.bridgehead.access.PlatformRole;
import io.bridgehead.audit.AuditAction;
import io.bridgehead.audit.AuditEntryView;
import io.bridgehead.support.ActingAs;
import io.bridgehead.support.AuditTrail;
import io.bridgehead.support.Html;
import io.bridgehead.support.IntegrationTest;
import io.bridgehead.support.SignIn;
import io.bridgehead.support.TestClients;
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

/** A project's assets in scope: which hosts, ranges, URLs and applications are accepted, removal, and who may. */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProjectScopeTest {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    TestWorkspaces testWorkspaces;

    @Autowired
    TestClients testClients;

    @Autowired
    AuditTrail auditTrail;

    @Autowired
    Projects projects;

    TestWorkspace workspace;

    @BeforeAll
    void setUp() {
        workspace = testWorkspaces.create("Project scope");
    }

    @Test
    void hostsRangesUrlsAndApplicationsAreAddedToTheScopeAndAudited() {
        TestUser owner = testWorkspaces.addUser(workspace, PlatformRole.ANALYST);
        Cookie session = SignIn.as(mvc, owner);
        UUID project = testClients.project(workspace, owner, "Wide scope", null, ProjectStatus.PLANNED);
        assertThat(mvc.get().uri("/projects/{id}", project).cookie(session))
                .bodyText()
                .contains("No assets listed yet.")
                .contains("Add asset");

        String[][] valid = {
            {"HOST", "app.example.com", "Host"},
            {"HOST", "10.0.0.5", "Host"},
            {"HOST", "2001:db8::1", "Host"},
            {"IP_RANGE", "10.0.0.0/24", "IP range"},
            {"IP_RANGE", "2001:db8::/48", "IP range"},
            {"URL", "https://app.example.com/login", "URL"},
            {"APPLICATION", "Shop iOS app 4.2", "Application"},
        };
        for (String[] asset : valid) {
            MvcTestResult added = addAsset(session, project, asset[0], asset[1]);
            assertThat(added).as(asset[1]).hasRedirectedUrl("/projects/" + project + "#scope");
            assertThat(added).flash().containsEntry("flash", "Asset added to the scope.");
        }

        String page =
                Html.of(mvc.get().uri("/projects/{id}", project).cookie(session).exchange());
        for (String[] asset : valid) {
            assertThat(page).contains("<td>" + asset[2] + "</td><td><code>" + asset[1] + "</code></td>");
        }
        assertThat(page).doesNotContain("No assets listed yet.");
        assertThat(testClients.count(workspace, "project_asset where project_id = ?", project))
                .isEqualTo(valid.length);
        assertThat(testClients.count(workspace, "project_asset where project_id = ? and kind = 'IP_RANGE'", project))
                .isEqualTo(2);
        assertThat(auditTrail.entriesBy(workspace, owner.email()))
                .filteredOn(e -> e.action() == AuditAction.PROJECT_ASSET_ADDED)
                .extracting(AuditEntryView::details)
                .containsExactlyInAnyOrder(
                        "Host app.example.com",
                        "Host 10.0.0.5",
                        "Host 2001:db8::1",
                        "IP range 10.0.0.0/24",
                        "IP range 2001:db8::/48",
                        "URL https://app.example.com/login",
                        "Application Shop iOS app 4.2");
    }

    @Test
    void invalidAssetsAreExplainedNextToTheFieldAndNothingIsAdded() {
        TestUser owner = testWorkspaces.addUser(workspace, PlatformRole.ANALYST);
        Cookie session = SignIn.as(mvc, owner);
        UUID project = testClients.project(workspace, owner, "Strict scope", null, ProjectStatus.PLANNED);

        assertRefused(
                session, project, "HOST", "bad_host!", "Enter a host name (e.g. app.example.com) or an IP address.");
        assertRefused(
                session,
                project,
                "IP_RANGE",
                "10.0.0.0/33",
                "Enter a range in CIDR form, e.g. 10.0.0.0/24 or 2001:db8::/48.");
        assertRefused(
                session,
                project,
                "IP_RANGE",
                "10.0.0.1",
                "Enter a range in CIDR form, e.g. 10.0.0.0/24 or 2001:db8::/48.");
        assertRefused(session, project, "URL", "javascript:alert(1)", "Enter a URL starting with http:// or https://.");
        assertRefused(session, project, "URL", "ftp://x", "Enter a URL starting with http:// or https://.");
        assertRefused(session, project, "HOST", "   ", "Enter the asset.");
        assertThat(testClients.count(workspace, "project_asset where project_id = ?", project))
                .isZero();

        assertThat(addAsset(session, project, "HOST", "app.example.com")).hasStatus3xxRedirection();
        assertRefused(session, project, "HOST", "APP.example.com", "This asset is already in scope.");
        assertThat(testClients.count(workspace, "project_asset where project_id = ?", project))
                .isOne();
        assertThat(addAsset(session, project, "APPLICATION", "app.example.com"))
                .as("the same value as another kind is another asset")
                .hasStatus3xxRedirection();
        assertThat(auditTrail.entriesBy(workspace, owner.email()))
                .filteredOn(e -> e.action() == AuditAction.PROJECT_ASSET_ADDED)
                .hasSize(2);
    }

    @Test
    void aRemovedAssetLeavesTheScopeAndTheRemovalIsAudited() throws Exception {
        TestUser owner = testWorkspaces.addUser(workspace, PlatformRole.ANALYST);
        Cookie session = SignIn.as(mvc, owner);
        UUID project = testClients.project(workspace, owner, "Shrinking scope", null, ProjectStatus.PLANNED);
        addAsset(session, project, "HOST", "keep.example.com");
        addAsset(session, project, "HOST", "drop.example.com");
        UUID drop = testClients.value(
                workspace,
                UUID.class,
                "select id from project_asset where project_id = ? and value = 'drop.example.com'",
                project);
        assertThat(mvc.get().uri("/projects/{id}", project).cookie(session))
                .bodyText()
                .contains("action=\"/projects/" + project + "/assets/" + drop + "/remove\"")
                .contains("aria-label=\"Remove drop.example.com\"");

        MvcTestResult removed = post(session, "/projects/" + project + "/assets/" + drop + "/remove");

        assertThat(removed).hasRedirectedUrl("/projects/" + project + "#scope");
        assertThat(removed).flash().containsEntry("flash", "Asset removed from the scope.");
        String page = mvc.get()
                .uri("/projects/{id}", project)
                .cookie(session)
                .exchange()
                .getResponse()
                .getContentAsString();
        // The scope card lists assets; the activity feed further down still tells of the removal.
        String scopeCard = page.substring(page.indexOf("id=\"scope\""), page.indexOf("id=\"team\""));
        assertThat(scopeCard).contains("keep.example.com").doesNotContain("drop.example.com");
        assertThat(testClients.count(workspace, "project_asset where project_id = ?", project))
                .isOne();
        assertThat(auditTrail.entriesBy(workspace, owner.email()))
                .filteredOn(e -> e.action() == AuditAction.PROJECT_ASSET_REMOVED)
                .extracting(AuditEntryView::target, AuditEntryView::details)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Shrinking scope", "drop.example.com"));

        assertThat(post(session, "/projects/" + project + "/assets/" + drop + "/remove"))
                .as("already removed")
                .hasStatus(404);
    }

    @Test
    void anAssetOfAnotherProjectCannotBeRemovedThroughThisOne() {
        TestUser owner = testWorkspaces.addUser(workspace, PlatformRole.ANALYST);
        Cookie session = SignIn.as(mvc, owner);
        UUID mine = testClients.project(workspace, owner, "My scope", null, ProjectStatus.PLANNED);
        UUID theirs = testClients.project(workspace, "Their scope", null, ProjectStatus.PLANNED);
        assertThat(addAsset(SignIn.as(mvc, workspace.admin()), theirs, "HOST", "theirs.example.com"))
                .hasStatus3xxRedirection();
        UUID asset =
                testClients.value(workspace, UUID.class, "select id from project_asset where project_id = ?", theirs);

        assertThat(post(session, "/projects/" + mine + "/assets/" + asset + "/remove"))
                .hasStatus(404);
        assertThat(testClients.count(workspace, "project_asset where id = ?", asset))
                .isOne();
    }

    @Test
    void anAnalystWhoIsOnlyReviewerOnTheProjectCannotChangeItsScope() {
        TestUser owner = testWorkspaces.addUser(workspace, PlatformRole.ANALYST);
        TestUser reviewer = testWorkspaces.addUser(workspace, PlatformRole.ANALYST);
        Cookie reviewerSession = SignIn.as(mvc, reviewer);
        UUID project = testClients.project(workspace, owner, "Reviewed scope", null, ProjectStatus.PLANNED);
        ActingAs.run(
                workspace,
                owner,
                () -> projects.putOnTeam(project, new TeamMemberForm(reviewer.id(), ProjectRole.REVIEWER)));
        assertThat(addAsset(SignIn.as(mvc, owner), project, "HOST", "fixed.example.com"))
                .hasStatus3xxRedirection();
        UUID asset =
                testClients.value(workspace, UUID.class, "select id from project_asset where project_id = ?", project);

        assertThat(mvc.get().uri("/projects/{id}", project).cookie(reviewerSession))
                .hasStatusOk()
                .bodyText()
                .contains("fixed.example.com")
                .doesNotContain("Add asset")
                .doesNotContain("aria-label=\"Remove fixed.example.com\"");
        assertThat(addAsset(reviewerSession, project, "HOST", "sneaky.example.com"))
                .hasStatus(403);
        assertThat(post(reviewerSession, "/projects/" + project + "/assets/" + asset + "/remove"))
                .hasStatus(403);
        assertThat(testClients.value(
                        workspace,
                        String.class,
                        "select string_agg(value, ',') from project_asset where project_id = ?",
                        project))
                .isEqualTo("fixed.example.com");
        assertThat(auditTrail.actionsBy(workspace, reviewer.email()))
                .contains(AuditAction.PERMISSION_DENIED)
                .doesNotContain(AuditAction.PROJECT_ASSET_ADDED, AuditAction.PROJECT_ASSET_REMOVED);
    }

    private void assertRefused(Cookie session, UUID project, String kind, String value, String message) {
        MvcTestResult refused = addAsset(session, project, kind, value);
        assertThat(refused).as(value).hasStatusOk();
        String page = Html.of(refused);
        assertThat(Html.fieldError(page, "value")).as(value).isEqualTo(message);
        assertThat(page).as("the input is kept").contains("<option value=\"" + kind + "\" selected=\"selected\">");
        if (!value.isBlank()) {
            assertThat(page).contains("value=\"" + value + "\"");
        }
    }

    private MvcTestResult addAsset(Cookie session, UUID project, String kind, String value) {
        return post(session, "/projects/" + project + "/assets", "kind", kind, "value", value);
    }

    private MvcTestResult post(Cookie session, String url, String... params) {
        var request = mvc.post().uri(url).cookie(session).with(csrf());
        for (int i = 0; i < params.length; i += 2) {
            request.param(params[i], params[i + 1]);
        }
        return request.exchange();
    }
}
