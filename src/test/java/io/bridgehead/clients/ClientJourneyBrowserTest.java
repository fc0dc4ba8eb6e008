package io.bridgehead.clients;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.bridgehead.support.Browser;
import io.bridgehead.support.TestWorkspaces;
import io.bridgehead.support.TestWorkspaces.TestWorkspace;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * The clients module in a real browser against a real server: an Admin creates a client with a cropped logo, adds
 * contacts and a Markdown note, searches, filters and sorts the list in place (htmx) with working back button and
 * shareable URLs, archives and restores a client, and deletes one by typing its name.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@DirtiesContext
class ClientJourneyBrowserTest {

    /** The uploaded logo: 600×400, left half red, right half blue. */
    static final int SOURCE_WIDTH = 600;

    static final int SOURCE_HEIGHT = 400;
    static final Color LEFT = new Color(0xD0, 0x20, 0x20);
    static final Color RIGHT = new Color(0x20, 0x40, 0xD0);

    @LocalServerPort
    int port;

    @Autowired
    TestWorkspaces testWorkspaces;

    @Test
    void adminManagesClientsFromCreationToDeletion() throws IOException {
        TestWorkspace workspace = testWorkspaces.create("Client journey");
        Path logo = twoColourPng();
        try (Browser browser = new Browser();
                BrowserContext context = browser.newContext()) {
            Page page = context.newPage();
            signIn(page, workspace.admin().email(), workspace.admin().password());

            // 1. A client with a logo cropped in the crop box ------------------------------------------------------
            page.navigate(url("/clients"));
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Clients")))
                    .isVisible();
            link(page, "+ New Client").first().click();
            assertThat(page).hasURL(url("/clients/new"));
            assertThat(page.locator(".crop-stage")).isHidden();
            page.getByLabel("Logo", new Page.GetByLabelOptions().setExact(true)).setInputFiles(logo);
            assertThat(page.locator(".crop-stage")).isVisible();
            // Centred square of the 600×400 image at first: x 100, y 0, size 400.
            assertThat(page.locator("input[name=cropX]")).hasValue("100");
            assertThat(page.locator("input[name=cropSize]")).hasValue("400");
            // Size 300 keeps the centre (x 150, y 50); seven steps of 12 px to the right give x 234.
            page.getByLabel("Crop size").fill("300");
            page.locator(".crop-box").focus();
            for (int i = 0; i < 7; i++) {
                page.keyboard().press("ArrowRight");
            }
            assertThat(page.locator("input[name=cropX]")).hasValue("234");
            assertThat(page.locator("input[name=cropY]")).hasValue("50");
            assertThat(page.locator("input[name=cropSize]")).hasValue("300");
            assertThat(page.locator(".crop-box")).hasAttribute("aria-valuetext", "square of 300 pixels at 234, 50");
            page.getByLabel("Name (required)").fill("Northwind Bank");
            page.getByLabel("Contact e-mail (required)").fill("security@northwind.test");
            page.getByLabel("Industry", new Page.GetByLabelOptions().setExact(true))
                    .selectOption("FINANCE");
            page.getByLabel("Notes", new Page.GetByLabelOptions().setExact(true))
                    .fill("Introduced by the **CISO** at the spring conference.");
            Browser.screenshot(page, "clients-01-new-with-crop");
            button(page, "Create Client").click();

            assertThat(page).hasURL(Pattern.compile(".*/clients/[0-9a-f-]{36}$"));
            String bankUrl = page.url();
            String bankId = idIn(bankUrl);
            assertThat(page.getByRole(AriaRole.STATUS)).containsText("Client Northwind Bank created.");
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Northwind Bank")))
                    .isVisible();
            Locator headerLogo = page.locator(".client-head img.logo");
            assertThat(headerLogo).isVisible();
            page.waitForFunction("img => img.complete && img.naturalWidth > 0", headerLogo.elementHandle());
            assertThat(headerLogo.evaluate("img => img.naturalWidth")).isEqualTo(256);
            assertThat(headerLogo.evaluate("img => img.naturalHeight")).isEqualTo(256);
            Browser.screenshot(page, "clients-02-created-with-logo");

            // The kept square is x 234..534 of the source: red up to source x 300, i.e. the first 56 of 256 pixels.
            // The centred square (x 100..500) would be red up to output x 128.
            APIResponse served = page.request().get(url("/clients/" + bankId + "/logo"));
            assertThat(served.ok()).isTrue();
            assertThat(served.headers().get("content-type")).isEqualTo("image/png");
            BufferedImage png = ImageIO.read(new ByteArrayInputStream(served.body()));
            assertThat(png.getWidth()).isEqualTo(256);
            assertThat(png.getHeight()).isEqualTo(256);
            assertThat(closeTo(png.getRGB(20, 128), LEFT))
                    .as("left edge is the red half")
                    .isTrue();
            assertThat(closeTo(png.getRGB(100, 128), RIGHT))
                    .as("x 100 is blue only when the crop moved right")
                    .isTrue();
            assertThat(closeTo(png.getRGB(240, 240), RIGHT)).isTrue();

            // 2. Contacts and a Markdown note --------------------------------------------------------------------
            tab(page, "Contacts").click();
            assertThat(page).hasURL(bankUrl + "/contacts");
            addContact(page, "Grace Hopper", "grace@northwind.test", "Primary contact");
            assertThat(page.getByRole(AriaRole.STATUS)).containsText("Contact Grace Hopper added.");
            addContact(page, "Linus Byte", "linus@northwind.test", "Technical contact");
            assertThat(page.getByRole(AriaRole.STATUS)).containsText("Contact Linus Byte added.");
            assertThat(contactCard(page, "Grace Hopper")).containsText("Primary contact");
            assertThat(contactCard(page, "Grace Hopper")).not().containsText("Technical contact");
            assertThat(contactCard(page, "Linus Byte")).containsText("Technical contact");
            assertThat(contactCard(page, "Linus Byte")).not().containsText("Primary contact");
            Browser.screenshot(page, "clients-03-contacts");

            tab(page, "Notes").click();
            assertThat(page).hasURL(bankUrl + "/notes");
            page.getByLabel("New note").fill("Scope **confirmed** for the external test.\n\n- VPN\n- Web portal");
            button(page, "Add note").click();
            assertThat(page.getByRole(AriaRole.STATUS)).containsText("Note added.");
            Locator newest = page.locator("article.note").first();
            assertThat(newest.locator(".markdown strong")).hasText("confirmed");
            assertThat(newest.locator(".markdown li")).hasText(new String[] {"VPN", "Web portal"});
            assertThat(newest).not().containsText("**");
            // The first note, written in the creation form, is rendered too.
            assertThat(page.locator(".markdown strong", new Page.LocatorOptions().setHasText("CISO")))
                    .isVisible();
            Browser.screenshot(page, "clients-04-notes");

            // 3. Two more clients, then search, filter and sort in place -----------------------------------------
            quickClient(page, "Northwind Logistics", "ops@northwind-logistics.test", "MANUFACTURING");
            quickClient(page, "Harbor Health", "it@harbor-health.test", "HEALTHCARE");

            link(page, "← All clients").click();
            assertThat(page).hasURL(url("/clients"));
            assertThat(results(page)).containsText("3 clients");
            page.evaluate("() => { window.journeyMarker = 'same page'; }");

            page.getByLabel("Search", new Page.GetByLabelOptions().setExact(true))
                    .fill("northwind");
            assertThat(page).hasURL(Pattern.compile(".*/clients\\?.*q=northwind.*"));
            assertThat(results(page)).containsText("2 clients");
            assertThat(rowNames(page)).hasText(new String[] {"Northwind Bank", "Northwind Logistics"});
            assertThat(page.evaluate("() => window.journeyMarker")).isEqualTo("same page");
            Browser.screenshot(page, "clients-05-search");

            page.getByLabel("Sort by").selectOption(new String[] {"NAME_DESC"});
            assertThat(page).hasURL(Pattern.compile(".*sort=NAME_DESC.*"));
            assertThat(rowNames(page)).hasText(new String[] {"Northwind Logistics", "Northwind Bank"});
            String searchedAndSorted = page.url();

            page.getByLabel("Industry").selectOption("FINANCE");
            assertThat(page).hasURL(Pattern.compile(".*industry=FINANCE.*"));
            assertThat(results(page)).containsText("1 client");
            assertThat(rowNames(page)).hasText(new String[] {"Northwind Bank"});
            assertThat(page.evaluate("() => window.journeyMarker")).isEqualTo("same page");
            Browser.screenshot(page, "clients-06-search-filter-sort");
            String filtered = page.url();

            page.goBack();
            assertThat(page).hasURL(searchedAndSorted);
            assertThat(rowNames(page)).hasText(new String[] {"Northwind Logistics", "Northwind Bank"});
            assertThat(page.getByLabel("Search", new Page.GetByLabelOptions().setExact(true)))
                    .hasValue("northwind");
            assertThat(page.getByLabel("Industry")).hasValue("");
            assertThat(page.getByLabel("Sort by")).hasValue("NAME_DESC");
            Browser.screenshot(page, "clients-07-back");

            page.goForward();
            assertThat(page).hasURL(filtered);
            assertThat(rowNames(page)).hasText(new String[] {"Northwind Bank"});
            assertThat(page.getByLabel("Industry")).hasValue("FINANCE");

            // No copy of a signed-in page is kept in the browser's storage (a shared computer must not show it after
            // sign-out), so back loads the page afresh from the server: the whole page, with the URL's filters.
            assertThat(page.evaluate("() => sessionStorage.getItem('htmx-history-cache')"))
                    .isNull();
            assertThat(page.evaluate("() => localStorage.getItem('htmx-history-cache')"))
                    .isNull();
            page.goBack();
            assertThat(page).hasURL(searchedAndSorted);
            assertThat(rowNames(page)).hasText(new String[] {"Northwind Logistics", "Northwind Bank"});
            assertThat(page.locator("header.topbar")).hasCount(1);
            assertThat(page.locator("form.filters")).hasCount(1);
            assertThat(page.getByLabel("Search", new Page.GetByLabelOptions().setExact(true)))
                    .hasValue("northwind");
            assertThat(page.getByLabel("Industry")).hasValue("");
            assertThat(page.getByLabel("Sort by")).hasValue("NAME_DESC");

            // The copied URL, opened afresh, shows the same list and the same filters.
            Page shared = context.newPage();
            shared.navigate(filtered);
            assertThat(shared.getByLabel("Search", new Page.GetByLabelOptions().setExact(true)))
                    .hasValue("northwind");
            assertThat(shared.getByLabel("Industry")).hasValue("FINANCE");
            assertThat(shared.getByLabel("Sort by")).hasValue("NAME_DESC");
            assertThat(rowNames(shared)).hasText(new String[] {"Northwind Bank"});
            shared.reload();
            assertThat(rowNames(shared)).hasText(new String[] {"Northwind Bank"});
            assertThat(shared.evaluate("() => window.journeyMarker")).isNull();
            Browser.screenshot(shared, "clients-08-shared-url");
            shared.close();

            // 4. Archive and restore -----------------------------------------------------------------------------
            page.navigate(url("/clients"));
            link(page, "Archive Harbor Health").click();
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Archive Harbor Health?")))
                    .isVisible();
            Browser.screenshot(page, "clients-09-archive-confirm");
            button(page, "Archive Client").click();
            assertThat(page.getByRole(AriaRole.STATUS).first()).containsText("Client archived.");
            String harborUrl = page.url();
            link(page, "← All clients").click();
            assertThat(results(page)).containsText("2 clients");
            assertThat(results(page)).not().containsText("Harbor Health");
            link(page, "Show archived").click();
            assertThat(page).hasURL(url("/clients?archived=true"));
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Archived clients")))
                    .isVisible();
            assertThat(rowNames(page)).hasText(new String[] {"Harbor Health"});
            Browser.screenshot(page, "clients-10-archived-list");
            button(page, "Restore Harbor Health").click();
            assertThat(page).hasURL(harborUrl);
            assertThat(page.getByRole(AriaRole.STATUS)).containsText("Client restored.");
            link(page, "← All clients").click();
            assertThat(results(page)).containsText("3 clients");
            assertThat(rowNames(page)).hasText(new String[] {"Harbor Health", "Northwind Bank", "Northwind Logistics"});
            Browser.screenshot(page, "clients-11-restored");

            // 5. Delete with the typed name ----------------------------------------------------------------------
            link(page, "Open Northwind Logistics").click();
            page.getByRole(
                            AriaRole.LINK,
                            new Page.GetByRoleOptions().setName("Delete").setExact(true))
                    .click();
            assertThat(page.getByRole(
                            AriaRole.HEADING, new Page.GetByRoleOptions().setName("Delete Northwind Logistics?")))
                    .isVisible();
            page.getByLabel("Type Northwind Logistics to confirm").fill("northwind logistics");
            button(page, "Permanently Delete").click();
            assertThat(page.locator("#confirmName-error"))
                    .hasText("Type the client's name exactly as shown to confirm.");
            assertThat(page.getByLabel("Type Northwind Logistics to confirm")).hasAttribute("aria-invalid", "true");
            Browser.screenshot(page, "clients-12-delete-wrong-name");
            page.getByLabel("Type Northwind Logistics to confirm").fill("Northwind Logistics");
            button(page, "Permanently Delete").click();
            assertThat(page).hasURL(url("/clients"));
            assertThat(page.getByRole(AriaRole.STATUS))
                    .containsText("Client Northwind Logistics and everything under it were deleted.");
            assertThat(results(page)).containsText("2 clients");
            assertThat(results(page)).not().containsText("Northwind Logistics");
            page.getByLabel("Search", new Page.GetByLabelOptions().setExact(true))
                    .fill("logistics");
            assertThat(page).hasURL(Pattern.compile(".*q=logistics.*"));
            assertThat(results(page)).containsText("No client matches these filters.");
            Browser.screenshot(page, "clients-13-deleted");
        } finally {
            Files.deleteIfExists(logo);
        }
    }

    private void signIn(Page page, String email, String password) {
        page.navigate(url("/login"));
        page.getByLabel("E-mail").fill(email);
        page.getByLabel("Password").fill(password);
        button(page, "Sign in").click();
        assertThat(page).hasURL(url("/"));
    }

    private void addContact(Page page, String name, String email, String designation) {
        page.getByLabel("Name (required)").fill(name);
        page.getByLabel("E-mail", new Page.GetByLabelOptions().setExact(true)).fill(email);
        page.getByLabel(designation).check();
        button(page, "Add contact").click();
    }

    private void quickClient(Page page, String name, String email, String industry) {
        page.navigate(url("/clients/new"));
        page.getByLabel("Name (required)").fill(name);
        page.getByLabel("Contact e-mail (required)").fill(email);
        page.getByLabel("Industry", new Page.GetByLabelOptions().setExact(true)).selectOption(industry);
        button(page, "Create Client").click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Client " + name + " created.");
    }

    private static Locator contactCard(Page page, String name) {
        return page.locator(".card")
                .filter(new Locator.FilterOptions()
                        .setHas(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(name))));
    }

    private static Locator results(Page page) {
        return page.locator("#client-results");
    }

    /** The client names in the list, in order (the name link of each row). */
    private static Locator rowNames(Page page) {
        return page.locator("#client-results tbody tr td:nth-child(2) > a");
    }

    private static Locator tab(Page page, String name) {
        return page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Client sections"))
                .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(name));
    }

    private static Locator link(Page page, String name) {
        return page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(name));
    }

    private static Locator button(Page page, String name) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name));
    }

    private static String idIn(String clientUrl) {
        Matcher matcher = Pattern.compile("/clients/([0-9a-f-]{36})").matcher(clientUrl);
        assertThat(matcher.find()).isTrue();
        return matcher.group(1);
    }

    private static boolean closeTo(int rgb, Color expected) {
        Color actual = new Color(rgb);
        return Math.abs(actual.getRed() - expected.getRed()) < 24
                && Math.abs(actual.getGreen() - expected.getGreen()) < 24
                && Math.abs(actual.getBlue() - expected.getBlue()) < 24;
    }

    private static Path twoColourPng() throws IOException {
        BufferedImage image = new BufferedImage(SOURCE_WIDTH, SOURCE_HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(LEFT);
        g.fillRect(0, 0, SOURCE_WIDTH / 2, SOURCE_HEIGHT);
        g.setColor(RIGHT);
        g.fillRect(SOURCE_WIDTH / 2, 0, SOURCE_WIDTH / 2, SOURCE_HEIGHT);
        g.dispose();
        Path file = Files.createTempFile("client-logo-", ".png");
        ImageIO.write(image, "png", file.toFile());
        return file;
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
