package io.bridgehead.identity;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import io.bridgehead.support.Browser;
import io.bridgehead.support.TestMail;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * The first journey in a real browser against a real server on its own, brand-new database: the Admin signs in with the
 * password printed at first start, must change it, invites an Analyst, the Analyst accepts through the link in the
 * e-mail, signs in and cannot open Admin pages.
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "bridgehead.embedded-db.database=first_journey",
            "bridgehead.identity.demo-workspace=true",
            "bridgehead.mail.dispatch-interval=200ms"
        })
@ActiveProfiles("test")
@DirtiesContext
class FirstJourneyBrowserTest {

    static final String ANALYST = "ana.lyst@journey.test";
    static final String ADMIN_PASSWORD = "Blue-Harbour-Lantern-42";
    static final String ANALYST_PASSWORD = "Quiet-Meadow-Compass-17";

    @LocalServerPort
    int port;

    @Test
    void adminInvitesAnAnalystWhoCannotOpenAdminPages(CapturedOutput output) {
        String oneTimePassword = printedPassword(output);
        try (Browser browser = new Browser();
                BrowserContext context = browser.newContext()) {
            Page page = context.newPage();

            page.navigate(url("/"));
            assertThat(page).hasURL(url("/login"));
            Browser.screenshot(page, "01-sign-in");
            String anonymousSession = sessionCookie(context);

            signIn(page, DemoWorkspaceSetup.ADMIN_EMAIL, oneTimePassword);
            assertThat(page).hasURL(url("/account/password?required"));
            assertThat(page.getByRole(com.microsoft.playwright.options.AriaRole.ALERT))
                    .containsText("Choose your own password");
            assertThat(sessionCookie(context)).isNotEqualTo(anonymousSession);
            Browser.screenshot(page, "02-must-change-password");

            page.navigate(url("/admin/users"));
            assertThat(page).hasURL(url("/account/password?required"));
            page.getByLabel("Current password").fill(oneTimePassword);
            page.getByLabel("New password", new Page.GetByLabelOptions().setExact(true))
                    .fill(ADMIN_PASSWORD);
            page.getByLabel("Repeat the new password").fill(ADMIN_PASSWORD);
            page.getByRole(
                            com.microsoft.playwright.options.AriaRole.BUTTON,
                            new Page.GetByRoleOptions().setName("Change password"))
                    .click();
            assertThat(page.getByRole(com.microsoft.playwright.options.AriaRole.STATUS))
                    .containsText("Your password has been changed");

            page.getByRole(com.microsoft.playwright.options.AriaRole.LINK, new Page.GetByRoleOptions().setName("Users"))
                    .click();
            page.getByRole(
                            com.microsoft.playwright.options.AriaRole.LINK,
                            new Page.GetByRoleOptions().setName("+ Invite user"))
                    .click();
            page.getByLabel("E-mail").fill(ANALYST);
            page.getByLabel("Role").selectOption("ANALYST");
            Browser.screenshot(page, "03-invite");
            page.getByRole(
                            com.microsoft.playwright.options.AriaRole.BUTTON,
                            new Page.GetByRoleOptions().setName("Send invitation"))
                    .click();
            assertThat(page.getByRole(com.microsoft.playwright.options.AriaRole.STATUS))
                    .containsText("Invitation sent to " + ANALYST);
            assertThat(page.locator("table").last()).containsText(ANALYST);
            Browser.screenshot(page, "04-users-with-invitation");
            page.getByRole(
                            com.microsoft.playwright.options.AriaRole.BUTTON,
                            new Page.GetByRoleOptions().setName("Sign out"))
                    .click();
            assertThat(page).hasURL(url("/login?signedout"));

            await().atMost(Duration.ofSeconds(20))
                    .until(() -> !TestMail.to(ANALYST).isEmpty());
            page.navigate(TestMail.linkTo(ANALYST, "/invitations/"));
            assertThat(page.locator("h1")).hasText("Join Bridgehead");
            page.getByLabel("Full name").fill("Ana Lyst");
            page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true))
                    .fill(ANALYST_PASSWORD);
            page.getByLabel("Repeat the password").fill(ANALYST_PASSWORD);
            Browser.screenshot(page, "05-accept-invitation");
            page.getByRole(
                            com.microsoft.playwright.options.AriaRole.BUTTON,
                            new Page.GetByRoleOptions().setName("Create my account"))
                    .click();
            assertThat(page).hasURL(url("/login?joined"));

            signIn(page, ANALYST, ANALYST_PASSWORD);
            assertThat(page).hasURL(url("/"));
            assertThat(page.locator("h1")).hasText("Welcome, Ana Lyst");
            assertThat(page.getByRole(com.microsoft.playwright.options.AriaRole.NAVIGATION))
                    .not()
                    .containsText("Users");
            Browser.screenshot(page, "06-analyst-dashboard");

            page.navigate(url("/admin/users"));
            assertThat(page.locator("h1")).hasText("You cannot do this");
            Browser.screenshot(page, "07-analyst-refused");
        }
    }

    private void signIn(Page page, String email, String password) {
        page.getByLabel("E-mail").fill(email);
        page.getByLabel("Password").fill(password);
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in"))
                .click();
    }

    private static String sessionCookie(BrowserContext context) {
        return context.cookies().stream()
                .filter(c -> c.name.equals(SessionCookieConfiguration.COOKIE_NAME))
                .map(c -> c.value)
                .findFirst()
                .orElse("");
    }

    private static String printedPassword(CapturedOutput output) {
        Matcher matcher = Pattern.compile("one-time password:\\s+(\\S+)").matcher(output.getOut());
        assertThat(matcher.find())
                .as("the first start prints a one-time password")
                .isTrue();
        return matcher.group(1);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
