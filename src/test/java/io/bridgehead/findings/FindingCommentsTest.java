package io.bridgehead.findings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import io.bridgehead.access.PlatformRole;
import io.bridgehead.notifications.Notifications;
import io.bridgehead.notifications.Outbox;
import io.bridgehead.shared.tenant.ScopedTransactions;
import io.bridgehead.support.ActingAs;
import io.bridgehead.support.IntegrationTest;
import io.bridgehead.support.SignIn;
import io.bridgehead.support.TestMail;
import io.bridgehead.support.TestWorkspaces;
import io.bridgehead.support.TestWorkspaces.TestUser;
import io.bridgehead.support.TestWorkspaces.TestWorkspace;
import jakarta.servlet.http.Cookie;
import java.io.UnsupportedEncodingException;
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
class FindingCommentsTest {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    TestWorkspaces testWorkspaces;

    @Autowired
    Outbox outbox;

    @Autowired
    Notifications notifications;

    @Autowired
    ScopedTransactions transactions;

    @Autowired
    JdbcTemplate jdbc;

    TestWorkspace workspace;
    Cookie admin;
    String project;
    String finding;

    @BeforeAll
    void setUp() {
        workspace = testWorkspaces.create("Comments");
        admin = SignIn.as(mvc, workspace.admin());
        project = post(
                        admin,
                        "/projects/new",
                        "name",
                        "Portal test",
                        "status",
                        "IN_PROGRESS",
                        "type",
                        "WEB_APPLICATION")
                .getResponse()
                .getRedirectedUrl();
        finding = post(admin, project + "/findings/new", "title", "Stored XSS", "severity", "HIGH")
                .getResponse()
                .getRedirectedUrl();
        page(admin, finding);
    }

    @Test
    void markdownIsRenderedSanitizedAndInternalIsTheDefault() {
        MvcTestResult added =
                post(admin, finding + "/comments", "body", "Seen **again** today.\n\n<script>alert(1)</script>");
        assertThat(added).hasStatus3xxRedirection();
        assertThat(added.getResponse().getRedirectedUrl()).startsWith(finding + "#comment-");
        post(admin, finding + "/comments", "body", "Fixed in the next release, we hear.", "visibility", "SHARED");

        String page = page(admin, finding);
        assertThat(page)
                .contains("<strong>again</strong>")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;")
                .doesNotContain("<script>alert(1)</script>");
        assertThat(article(page, "again")).contains(">Internal</span>").doesNotContain("Shared with client");
        assertThat(article(page, "Fixed in the next release")).contains(">Shared with client</span>");
    }

    @Test
    void anEmptyCommentIsRefusedKeepingTheChoices() {
        // A finding of its own: the page shows one flash message per request, the oldest first.
        String own = post(admin, project + "/findings/new", "title", "Missing headers", "severity", "LOW")
                .getResponse()
                .getRedirectedUrl();
        page(admin, own);

        assertThat(post(admin, own + "/comments", "body", "   ", "visibility", "SHARED"))
                .hasStatus3xxRedirection();

        assertThat(page(admin, own))
                .contains("Write the comment first.")
                .containsPattern("value=\"SHARED\"\\s+checked");
    }

    @Test
    void aViewerCannotCommentAReviewerCan() {
        Cookie viewer = SignIn.as(mvc, testWorkspaces.addUser(workspace, PlatformRole.VIEWER));
        Cookie reviewer = SignIn.as(mvc, testWorkspaces.addUser(workspace, PlatformRole.REVIEWER));

        assertThat(post(viewer, finding + "/comments", "body", "Viewer says hi"))
                .hasStatus(403);
        assertThat(post(reviewer, finding + "/comments", "body", "Reviewer agrees"))
                .hasStatus3xxRedirection();

        assertThat(page(reviewer, finding))
                .contains("Reviewer agrees")
                .doesNotContain("Viewer says hi")
                .contains("Add comment");
    }

    @Test
    void aSharedCommentIsQuotedInTheMentionMail() {
        TestUser analyst = teamMember();

        post(
                admin,
                finding + "/comments",
                "body",
                "@" + localPart(analyst) + " the client confirmed the fix.",
                "visibility",
                "SHARED");
        outbox.flush();

        assertThat(TestMail.body(TestMail.to(analyst.email()).get(0))).contains("the client confirmed the fix.");
    }

    @Test
    void aMentionedTeamMemberIsNotifiedInAppAndByMail() {
        TestUser analyst = teamMember();
        Cookie analystSession = SignIn.as(mvc, analyst);
        assertThat(page(analystSession, finding)).doesNotContain("unread");

        post(admin, finding + "/comments", "body", "@" + localPart(analyst) + " please retest this.");

        assertThat(page(analystSession, finding)).contains("Notifications, 1 unread");
        assertThat(page(analystSession, "/notifications")).contains("Test Admin mentioned you on F-1 Stored XSS");
        outbox.flush();
        assertThat(TestMail.to(analyst.email())).hasSize(1);
        assertThat(TestMail.linkTo(analyst.email(), finding)).contains(finding + "#comment-");
        assertThat(TestMail.body(TestMail.to(analyst.email()).get(0)))
                .contains("The comment is internal")
                .doesNotContain("please retest this.");
    }

    @Test
    void mentioningSomeoneOutsideTheTeamDoesNothing() {
        TestUser outsider = testWorkspaces.addUser(workspace, PlatformRole.ANALYST);

        post(admin, finding + "/comments", "body", "Ask @" + localPart(outsider) + " and @" + outsider.email());

        assertThat(ActingAs.call(workspace, outsider, notifications::unreadCount))
                .isZero();
        outbox.flush();
        assertThat(TestMail.to(outsider.email())).isEmpty();
    }

    @Test
    void theAuthorEditsWithinFifteenMinutesAndNotAfter() {
        String comment = commentUrl(post(admin, finding + "/comments", "body", "First thougths"));

        assertThat(page(admin, comment + "/edit")).contains("First thougths");
        assertThat(post(admin, comment, "body", "First thoughts")).hasStatus3xxRedirection();
        String page = page(admin, finding);
        assertThat(page).contains("First thoughts").doesNotContain("First thougths");
        assertThat(article(page, "First thoughts")).contains(">edited</span>");

        ageComment(comment, 16);

        assertThat(post(admin, comment, "body", "Too late")).hasStatus(409);
        assertThat(post(admin, comment + "/delete")).hasStatus(409).bodyText().contains("first 15 minutes");
        assertThat(page(admin, finding)).contains("First thoughts").doesNotContain("Too late");
    }

    @Test
    void theAuthorDeletesWithinFifteenMinutes() {
        String comment = commentUrl(post(admin, finding + "/comments", "body", "Posted by mistake"));
        ageComment(comment, 14);

        assertThat(post(admin, comment + "/delete")).hasStatus3xxRedirection();
        assertThat(page(admin, finding)).doesNotContain("Posted by mistake");
    }

    @Test
    void anotherUserCannotEditOrDeleteAComment() {
        String comment = commentUrl(post(admin, finding + "/comments", "body", "Admin own words"));
        Cookie analyst = SignIn.as(mvc, teamMember());

        assertThat(post(analyst, comment, "body", "Rewritten")).hasStatus(403);
        assertThat(post(analyst, comment + "/delete")).hasStatus(403);
        assertThat(mvc.get().uri(comment + "/edit").cookie(analyst)).hasStatus(403);
        assertThat(page(analyst, finding)).contains("Admin own words").doesNotContain("Rewritten");
    }

    @Test
    void notificationsOfOneUserAreNeverVisibleToAnother() {
        TestUser alice = teamMember();
        TestUser bob = teamMember();
        post(admin, finding + "/comments", "body", "Only for @" + localPart(alice));
        UUID aliceNotification = transactions.readAs(
                workspace.id(),
                () -> jdbc.queryForObject(
                        "select id from notification where recipient_id = ?", UUID.class, alice.id()));
        Cookie bobSession = SignIn.as(mvc, bob);

        assertThat(page(bobSession, "/notifications"))
                .doesNotContain("mentioned you")
                .contains("No notifications yet");
        assertThat(page(bobSession, finding)).doesNotContain("unread");
        assertThat(post(bobSession, "/notifications/" + aliceNotification + "/open"))
                .hasStatus(404);
        assertThat(ActingAs.call(workspace, bob, notifications::unreadCount)).isZero();
        assertThat(ActingAs.call(workspace, bob, () -> notifications.recent(0).getTotalElements()))
                .isZero();
        assertThat(ActingAs.call(workspace, alice, notifications::unreadCount)).isEqualTo(1);

        TestWorkspace other = testWorkspaces.create("Other comments");
        assertThat(ActingAs.call(other, other.admin(), notifications::unreadCount))
                .isZero();
    }

    @Test
    void openingANotificationGoesToTheFindingAndMarkAllReadZeroesTheCount() {
        TestUser analyst = teamMember();
        post(admin, finding + "/comments", "body", "@" + localPart(analyst) + " one");
        post(admin, finding + "/comments", "body", "@" + localPart(analyst) + " two");
        post(admin, finding + "/comments", "body", "@" + localPart(analyst) + " three");
        Cookie session = SignIn.as(mvc, analyst);
        assertThat(page(session, finding)).contains("Notifications, 3 unread");

        UUID first = transactions.readAs(
                workspace.id(),
                () -> jdbc.queryForObject(
                        "select id from notification where recipient_id = ? order by created_at limit 1",
                        UUID.class,
                        analyst.id()));
        MvcTestResult opened = post(session, "/notifications/" + first + "/open");
        assertThat(opened.getResponse().getRedirectedUrl()).startsWith(finding + "#comment-");
        assertThat(page(session, finding)).contains("Notifications, 2 unread");

        assertThat(post(session, "/notifications/read-all")).hasRedirectedUrl("/notifications");
        String page = page(session, "/notifications");
        assertThat(page)
                .doesNotContain("unread")
                .doesNotContain("Mark all read")
                .contains("mentioned you");
    }

    @Test
    void typingAtSuggestsTeamMembersOnly() {
        TestUser member = teamMember();
        TestUser outsider = testWorkspaces.addUser(workspace, PlatformRole.ANALYST);

        String json = body(mvc.get()
                .uri(project + "/team/suggest")
                .param("q", localPart(member))
                .cookie(admin)
                .exchange());
        assertThat(json).contains("\"handle\":\"" + localPart(member) + "\"").contains(member.email());
        assertThat(body(mvc.get()
                        .uri(project + "/team/suggest")
                        .param("q", localPart(outsider))
                        .cookie(admin)
                        .exchange()))
                .isEqualTo("[]");
    }

    private TestUser teamMember() {
        TestUser user = testWorkspaces.addUser(workspace, PlatformRole.ANALYST);
        assertThat(post(admin, project + "/team", "userId", user.id().toString(), "role", "EDITOR"))
                .hasStatus3xxRedirection();
        return user;
    }

    private void ageComment(String commentUrl, int minutes) {
        UUID id = UUID.fromString(commentUrl.substring(commentUrl.lastIndexOf('/') + 1));
        transactions.writeAs(
                workspace.id(),
                () -> jdbc.update(
                        "update finding_comment set created_at = created_at - make_interval(mins => ?) where id = ?",
                        minutes,
                        id));
    }

    private String commentUrl(MvcTestResult added) {
        String location = added.getResponse().getRedirectedUrl();
        assertThat(location).contains("#comment-");
        return finding + "/comments/" + location.substring(location.indexOf("#comment-") + "#comment-".length());
    }

    private static String article(String page, String text) {
        int start = page.lastIndexOf("<article", page.indexOf(text));
        return page.substring(start, page.indexOf("</article>", start));
    }

    private static String localPart(TestUser user) {
        return user.email().substring(0, user.email().indexOf('@'));
    }

    private MvcTestResult post(Cookie session, String url, String... params) {
        var request = mvc.post().uri(url).cookie(session).with(csrf());
        for (int i = 0; i < params.length; i += 2) {
            request = request.param(params[i], params[i + 1]);
        }
        return request.exchange();
    }

    private String page(Cookie session, String url) {
        return body(mvc.get().uri(url).cookie(session).exchange());
    }

    private static String body(MvcTestResult result) {
        try {
            return result.getResponse().getContentAsString();
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }
}
