package io.bridgehead.support;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.exceptions.CodeGenerationException;
import io.bridgehead.access.PortalRole;
import io.bridgehead.clients.ClientPortals;
import io.bridgehead.clients.PortalSettingsForm;
import io.bridgehead.identity.PortalUserForm;
import io.bridgehead.identity.PortalUsers;
import io.bridgehead.notifications.Outbox;
import io.bridgehead.support.TestWorkspaces.TestWorkspace;
import jakarta.servlet.http.Cookie;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * Client portal users made the way a real one is: the firm enables the portal and invites them, the invitee follows
 * the link in the mail, sets a password and enrols an authenticator (codes computed here from the shown key).
 */
@Component
public class TestPortal {

    public static final String COOKIE = "BRIDGEHEAD_PORTAL_SESSION";
    public static final String PASSWORD = "Harbour-Lantern-88-Quartz";
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    /** A portal user who has just finished enrolment and is signed in with {@code session}. */
    public record PortalUser(
            UUID id, String email, String password, String secret, List<String> recoveryCodes, Cookie session) {}

    private final ClientPortals clientPortals;
    private final PortalUsers portalUsers;
    private final Outbox outbox;
    private final TestClients testClients;

    TestPortal(ClientPortals clientPortals, PortalUsers portalUsers, Outbox outbox, TestClients testClients) {
        this.testClients = testClients;
        this.clientPortals = clientPortals;
        this.portalUsers = portalUsers;
        this.outbox = outbox;
    }

    public void enable(TestWorkspace workspace, UUID clientId) {
        change(workspace, clientId, new PortalSettingsForm(true, true, true, true, true, ""));
    }

    public void change(TestWorkspace workspace, UUID clientId, PortalSettingsForm form) {
        ActingAs.run(workspace, workspace.admin(), () -> clientPortals.change(clientId, form));
    }

    /** Invites a new person (portal enabled first) and returns their e-mail; the invitation mail is sent. */
    public String invite(TestWorkspace workspace, UUID clientId, PortalRole role) {
        String email = "portal-" + SEQUENCE.incrementAndGet() + "-"
                + UUID.randomUUID().toString().substring(0, 8) + "@client.test";
        ActingAs.run(
                workspace,
                workspace.admin(),
                () -> portalUsers.invite(clientId, new PortalUserForm(email, "Client Person " + SEQUENCE.get(), role)));
        outbox.flush();
        return email;
    }

    /** Invites, accepts and enrols a user of the client's portal; they end signed in. */
    public PortalUser join(MockMvcTester mvc, TestWorkspace workspace, UUID clientId, PortalRole role) {
        enable(workspace, clientId);
        return accept(mvc, workspace, invite(workspace, clientId, role));
    }

    public PortalUser accept(MockMvcTester mvc, TestWorkspace workspace, String email) {
        String link = TestMail.linkTo(email, "/portal/" + workspace.slug() + "/invitation/");
        String path = URI.create(link).getPath();
        MvcTestResult accepted = mvc.post()
                .uri(path)
                .param("fullName", "Client Person")
                .param("password", PASSWORD)
                .param("confirmPassword", PASSWORD)
                .with(csrf())
                .exchange();
        String enrolUrl = accepted.getResponse().getRedirectedUrl();
        if (enrolUrl == null || !enrolUrl.endsWith("/login/enrol")) {
            throw new AssertionError("Invitation not accepted: " + enrolUrl + "\n" + Html.of(accepted));
        }
        Cookie pending = cookie(accepted);
        String enrolPage = Html.of(mvc.get().uri(enrolUrl).cookie(pending).exchange());
        String secret = between(enrolPage, "id=\"manual-key\">", "<").replace(" ", "");
        String code = code(secret, 0);
        long sentAt = System.currentTimeMillis();
        MvcTestResult enrolled = mvc.post()
                .uri(enrolUrl)
                .param("code", code)
                .cookie(pending)
                .with(csrf())
                .exchange();
        if (!String.valueOf(enrolled.getResponse().getRedirectedUrl()).endsWith("/recovery-codes")) {
            throw new AssertionError("Enrolment failed with key " + secret + ", code " + code + " sent at " + sentAt
                    + " (step " + sentAt / 1000 / 30 + "), answered at " + System.currentTimeMillis() + ": "
                    + Html.of(enrolled));
        }
        Cookie session = cookie(enrolled);
        String codesPage = Html.of(mvc.get()
                .uri("/portal/" + workspace.slug() + "/recovery-codes")
                .cookie(session)
                .exchange());
        Matcher matcher = Pattern.compile("<code>([a-z0-9]{4}-[a-z0-9]{4}-[a-z0-9]{4})</code>")
                .matcher(codesPage);
        List<String> codes = matcher.results().map(m -> m.group(1)).toList();
        return new PortalUser(userId(workspace, email), email, PASSWORD, secret, codes, session);
    }

    /** The portal's password step, as a browser at {@code ip} sends it. */
    public static MvcTestResult attempt(MockMvcTester mvc, String slug, String email, String password, String ip) {
        return mvc.post()
                .uri("/portal/" + slug + "/login")
                .param("email", email)
                .param("password", password)
                .with(csrf())
                .with(SignIn.from(ip))
                .exchange();
    }

    /** The TOTP code for the current 30-second step plus {@code offset} steps. */
    public static String code(String secret, int offset) {
        try {
            return new DefaultCodeGenerator().generate(secret, System.currentTimeMillis() / 1000 / 30 + offset);
        } catch (CodeGenerationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The portal session cookie a response set, or a placeholder when it set none. */
    public static Cookie cookieOrNull(MvcTestResult result) {
        Cookie cookie = result.getResponse().getCookie(COOKIE);
        return new Cookie(COOKIE, cookie == null ? "none" : cookie.getValue());
    }

    public static Cookie cookie(MvcTestResult result) {
        Cookie cookie = result.getResponse().getCookie(COOKIE);
        if (cookie == null) {
            throw new AssertionError("No portal session cookie in the response");
        }
        return new Cookie(COOKIE, cookie.getValue());
    }

    private UUID userId(TestWorkspace workspace, String email) {
        return testClients.value(
                workspace, UUID.class, "select id from portal_user where lower(email) = lower(?)", email);
    }

    private static String between(String text, String start, String end) {
        int from = text.indexOf(start);
        if (from < 0) {
            throw new AssertionError("Not found: " + start);
        }
        from += start.length();
        return text.substring(from, text.indexOf(end, from));
    }
}
