package io.bridgehead.findings;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.bridgehead.access.PlatformRole;
import io.bridgehead.projects.ProjectForm;
import io.bridgehead.projects.ProjectRole;
import io.bridgehead.projects.ProjectStatus;
import io.bridgehead.projects.ProjectType;
import io.bridgehead.projects.Projects;
import io.bridgehead.projects.TeamMemberForm;
import io.bridgehead.support.ActingAs;
import io.bridgehead.support.Browser;
import io.bridgehead.support.TestWorkspaces;
import io.bridgehead.support.TestWorkspaces.TestUser;
import io.bridgehead.support.TestWorkspaces.TestWorkspace;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * Mentions in a real browser: typing {@code @} and letters lists team members under the comment field, the arrow keys
 * and Enter pick one, and the mentioned colleague sees the bell count and the notification.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@DirtiesContext
class FindingCommentsBrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    TestWorkspaces testWorkspaces;

    @Autowired
    Projects projects;

    @Autowired
    Findings findings;

    @Test
    void typingAtSuggestsTeamMembersAndTheMentionedOneIsNotified() {
        TestWorkspace workspace = testWorkspaces.create("Mention journey");
        TestUser analyst = testWorkspaces.addUser(workspace, PlatformRole.ANALYST);
        String handle = analyst.email().substring(0, analyst.email().indexOf('@'));
        String findingPath = ActingAs.call(workspace, workspace.admin(), () -> {
            UUID project = projects.create(new ProjectForm(
                    "Mention test", null, ProjectStatus.IN_PROGRESS, ProjectType.WEB_APPLICATION, null, null, "", ""));
            projects.putOnTeam(project, new TeamMemberForm(analyst.id(), ProjectRole.EDITOR));
            UUID finding = findings.create(
                    project,
                    new FindingForm(
                            "Clickjacking", Severity.LOW, null, null, null, "", "", "", "", "", "", null, List.of()));
            return "/projects/" + project + "/findings/" + finding;
        });

        try (Browser browser = new Browser();
                BrowserContext context = browser.newContext()) {
            Page page = context.newPage();
            signIn(page, workspace.admin());
            page.navigate(url(findingPath));
            Locator field = page.getByLabel("New comment");
            field.click();
            field.pressSequentially("Please retest, @anal");
            Locator list = page.getByRole(AriaRole.LISTBOX);
            assertThat(list).isVisible();
            assertThat(list.getByRole(AriaRole.OPTION)).hasCount(1);
            assertThat(list.getByRole(AriaRole.OPTION)).containsText("@" + handle);
            assertThat(field).hasAttribute("aria-activedescendant", "comment-mentions-0");
            Browser.screenshot(page, "comments-01-mention-suggestions");
            page.keyboard().press("ArrowDown");
            page.keyboard().press("Enter");
            assertThat(list).isHidden();
            assertThat(field).hasValue("Please retest, @" + handle + " ");

            field.pressSequentially("and @te");
            assertThat(list).isVisible();
            page.keyboard().press("Escape");
            assertThat(list).isHidden();
            field.pressSequentially("am, thanks.");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add comment"))
                    .click();
            assertThat(page.getByRole(AriaRole.STATUS)).containsText("Comment added.");
            assertThat(page.locator("article.comment")).containsText("Please retest, @" + handle + " and @team");
            assertThat(page.locator("article.comment .badge").first()).hasText("Internal");
        }

        try (Browser browser = new Browser();
                BrowserContext context = browser.newContext()) {
            Page page = context.newPage();
            signIn(page, analyst);
            Locator bell =
                    page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Notifications, 1 unread"));
            assertThat(bell).isVisible();
            bell.click();
            page.getByRole(
                            AriaRole.BUTTON,
                            new Page.GetByRoleOptions().setName("Test Admin mentioned you on F-1 Clickjacking"))
                    .click();
            assertThat(page.locator("article.comment")).containsText("Please retest");
            assertThat(page.getByRole(
                            AriaRole.LINK,
                            new Page.GetByRoleOptions().setName("Notifications").setExact(true)))
                    .isVisible();
            Browser.screenshot(page, "comments-02-opened-from-notification");
        }
    }

    private void signIn(Page page, TestUser user) {
        page.navigate(url("/login"));
        page.getByLabel("E-mail").fill(user.email());
        page.getByLabel("Password").fill(user.password());
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in"))
                .click();
        assertThat(page).hasURL(url("/"));
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
