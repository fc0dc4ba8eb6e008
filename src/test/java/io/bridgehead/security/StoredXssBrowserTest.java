package io.bridgehead.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.Cookie;
import io.bridgehead.access.PlatformRole;
import io.bridgehead.access.PortalRole;
import io.bridgehead.clients.ClientContacts;
import io.bridgehead.clients.ClientForm;
import io.bridgehead.clients.ClientNotes;
import io.bridgehead.clients.ClientStatus;
import io.bridgehead.clients.Clients;
import io.bridgehead.clients.ContactForm;
import io.bridgehead.clients.Industry;
import io.bridgehead.clients.NoteForm;
import io.bridgehead.findings.ClientFacingFindings;
import io.bridgehead.findings.CommentVisibility;
import io.bridgehead.findings.EvidenceView;
import io.bridgehead.findings.FindingComments;
import io.bridgehead.findings.FindingEvidence;
import io.bridgehead.findings.FindingForm;
import io.bridgehead.findings.FindingLibrary;
import io.bridgehead.findings.FindingStatus;
import io.bridgehead.findings.Findings;
import io.bridgehead.findings.Severity;
import io.bridgehead.findings.TemplateForm;
import io.bridgehead.identity.InviteStaffCmd;
import io.bridgehead.identity.PortalUserForm;
import io.bridgehead.identity.PortalUsers;
import io.bridgehead.identity.StaffAccounts;
import io.bridgehead.notifications.Outbox;
import io.bridgehead.projects.AssetForm;
import io.bridgehead.projects.AssetKind;
import io.bridgehead.projects.ProjectForm;
import io.bridgehead.projects.ProjectRole;
import io.bridgehead.projects.ProjectStatus;
import io.bridgehead.projects.ProjectType;
import io.bridgehead.projects.Projects;
import io.bridgehead.projects.TeamMemberForm;
import io.bridgehead.reports.GenerateReportCmd;
import io.bridgehead.reports.RenderQueue;
import io.bridgehead.reports.ReportTemplateCmd;
import io.bridgehead.reports.ReportTemplates;
import io.bridgehead.reports.Reports;
import io.bridgehead.shared.RuleViolation;
import io.bridgehead.support.ActingAs;
import io.bridgehead.support.ActingAsPortalUser;
import io.bridgehead.support.ActingAsPortalUser.TestPortalUser;
import io.bridgehead.support.Browser;
import io.bridgehead.support.TestClients;
import io.bridgehead.support.TestMail;
import io.bridgehead.support.TestPortal;
import io.bridgehead.support.TestPortal.PortalUser;
import io.bridgehead.support.TestWorkspaces;
import io.bridgehead.support.TestWorkspaces.TestUser;
import io.bridgehead.support.TestWorkspaces.TestWorkspace;
import io.bridgehead.tenancy.PortalBrandingForm;
import io.bridgehead.tenancy.PortalBrandings;
import io.bridgehead.tenancy.WorkspaceSettings;
import io.bridgehead.tenancy.Workspaces;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.awt.Color;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * Stored cross-site scripting, the way an attacker would try it: every payload of {@code security/xss-payloads.txt}
 * (script tags, event handlers, {@code javascript:}/{@code data:}/{@code vbscript:} URLs, SVG, attribute breakouts,
 * Markdown link and image tricks, template expressions, CSS, polyglots) is stored through every text field a firm
 * user, an Admin or a client's portal user can fill — each value first checked against the form's own validation, so
 * it is one a real user could save — and then every page that shows those fields is opened in Chromium. The test
 * fails if any dialog opens, a payload's marker is set, the title is written, the CSP reports a violation, a request
 * leaves for another origin, injected markup is found in the page, or a field's text is not shown as typed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@ActiveProfiles("test")
class StoredXssBrowserTest {

    private static final XssPayloads PAYLOADS = XssPayloads.load();
    private static final String STAFF_PASSWORD = "Xss-Payload-Staff-42-Lantern";

    @LocalServerPort
    int port;

    @Autowired
    MockMvcTester mvc;

    @Autowired
    Validator validator;

    @Autowired
    TestWorkspaces testWorkspaces;

    @Autowired
    TestPortal testPortal;

    @Autowired
    TestClients testClients;

    @Autowired
    Outbox outbox;

    @Autowired
    Workspaces workspaces;

    @Autowired
    StaffAccounts staffAccounts;

    @Autowired
    Clients clients;

    @Autowired
    ClientContacts contacts;

    @Autowired
    ClientNotes notes;

    @Autowired
    Projects projects;

    @Autowired
    Findings findings;

    @Autowired
    FindingComments comments;

    @Autowired
    FindingEvidence evidence;

    @Autowired
    FindingLibrary library;

    @Autowired
    ClientFacingFindings clientFacing;

    @Autowired
    PortalUsers portalUsers;

    @Autowired
    PortalBrandings brandings;

    @Autowired
    ReportTemplates reportTemplates;

    @Autowired
    Reports reports;

    @Autowired
    RenderQueue renderQueue;

    /** What was stored, to visit and to expect on the pages. */
    TestWorkspace workspace;

    TestUser admin;
    UUID portalClient;
    final List<UUID> otherClients = new ArrayList<>();
    final List<String> clientNames = new ArrayList<>();
    final List<List<String>> clientTexts = new ArrayList<>();
    final List<UUID> projectIds = new ArrayList<>();
    final List<String> projectNames = new ArrayList<>();
    final List<UUID> findingIds = new ArrayList<>();
    final List<String> findingTitles = new ArrayList<>();
    final List<String> contactTexts = new ArrayList<>();
    final List<String> assetValues = new ArrayList<>();
    final List<String> staffNames = new ArrayList<>();
    final List<UUID> staffIds = new ArrayList<>();
    final List<String> portalUserNames = new ArrayList<>();
    final List<UUID> portalUserIds = new ArrayList<>();
    final List<String> templateTitles = new ArrayList<>();
    final List<UUID> templateIds = new ArrayList<>();
    final List<String> reportTemplateNames = new ArrayList<>();
    final List<UUID> reportTemplateIds = new ArrayList<>();
    final List<String> evidenceNames = new ArrayList<>();
    final List<UUID> cssTemplateIds = new ArrayList<>();
    int cssRefused;
    UUID contactId;
    UUID noteId;
    UUID staffCommentId;
    String reportTitle;
    PortalUser manager;
    String managerName;

    @Test
    void noStoredPayloadRunsOnAnyPageThatShowsIt() {
        workspace = testWorkspaces.create("Stored XSS");
        admin = workspace.admin();
        seedClients();
        seedProjectsAndFindings();
        seedPeople();
        seedConversation();
        seedLibraryAndReports();

        String origin = "http://localhost:" + port;
        XssProbe probe = new XssProbe(origin);
        List<String> workspaceNames = PAYLOADS.packed(120);
        List<String> footers = PAYLOADS.packed(300);
        List<String> explanations = PAYLOADS.packed(300);
        List<String> welcomes = PAYLOADS.markdownChunks("welcome", 2000);
        List<String> helps = PAYLOADS.markdownChunks("help", 2000);
        try (Browser browser = new Browser();
                BrowserContext staffContext = browser.newContext();
                BrowserContext portalContext = browser.newContext();
                BrowserContext anonymousContext = browser.newContext()) {
            Page staff = probe.watch(staffContext);
            signIn(staff, origin);
            Page portal = probe.watch(portalContext);
            portalContext.addCookies(
                    List.of(new Cookie(TestPortal.COOKIE, manager.session().getValue())
                            .setDomain("localhost")
                            .setPath("/")));
            Page anonymous = probe.watch(anonymousContext);

            visitStaffPages(probe, staff);
            visitPortalPages(probe, portal);

            // Single-valued texts (workspace name, portal welcome, help, footer, status explanations) take the
            // corpus in rounds; each round is shown on the pages that carry the texts that changed in it.
            int rounds = Math.max(workspaceNames.size(), footers.size());
            String slug = "/portal/" + workspace.slug();
            for (int round = 0; round < rounds; round++) {
                String name = workspaceNames.get(round % workspaceNames.size());
                asAdmin(() -> workspaces.updateSettings(valid(new WorkspaceSettings(name, 30, 15))));
                String text = probe.visit(staff, "/admin/workspace");
                probe.expectShown("/admin/workspace (round " + round + ")", text, List.of(name));
                if (round >= footers.size()) {
                    continue;
                }
                String footer = footers.get(round);
                String welcome = welcomes.get(round % welcomes.size());
                String help = helps.get(round % helps.size());
                List<String> roundExplanations = new ArrayList<>();
                for (int i = 0; i < 7; i++) {
                    roundExplanations.add(explanations.get((round * 7 + i) % explanations.size()));
                }
                PortalBrandingForm form = valid(branding(welcome, footer, help, roundExplanations));
                asAdmin(() -> {
                    brandings.update(form);
                    return null;
                });
                text = probe.visit(portal, slug + "/");
                probe.expectShown(
                        slug + "/ (round " + round + ")",
                        text,
                        concat(XssPayloads.labelsIn(welcome), List.of(footer, name)));
                text = probe.visit(portal, slug + "/help");
                probe.expectShown(
                        slug + "/help (round " + round + ")",
                        text,
                        concat(XssPayloads.labelsIn(help), roundExplanations));
                if (round < Math.max(welcomes.size(), helps.size())) {
                    text = probe.visit(staff, "/admin/portal-branding");
                    probe.expectShown(
                            "/admin/portal-branding (round " + round + ")",
                            text,
                            concat(XssPayloads.labelsIn(welcome), XssPayloads.labelsIn(help)));
                    text = probe.visit(anonymous, slug + "/login");
                    probe.expectShown(
                            slug + "/login (round " + round + ")",
                            text,
                            concat(XssPayloads.labelsIn(welcome), List.of(footer)));
                }
            }
        }

        assertThat(probe.problems())
                .as("signs of stored XSS on %d pages", probe.pagesChecked())
                .isEmpty();
        assertThat(probe.pagesChecked()).isGreaterThan(100);
        assertThat(cssRefused)
                .as("CSS payloads the report CSS filter refused")
                .isGreaterThan(PAYLOADS.all().size() / 2);
    }

    @Test
    void everyPageSendsAStrictContentSecurityPolicy() {
        TestWorkspace other = testWorkspaces.create("Content security policy");
        for (String path : List.of("/login", "/password/forgot", "/portal/" + other.slug() + "/login")) {
            String policy = mvc.get().uri(path).exchange().getResponse().getHeader("Content-Security-Policy");
            assertThat(policy).as(path).isNotNull();
            assertThat(XssProbe.strict(policy)).as("%s: %s", path, policy).isTrue();
        }
        // The signed-in pages are checked on every visit of the browser test above.
    }

    // ---------------------------------------------------------------------------------------------------- seeding

    private void seedClients() {
        List<String> names = PAYLOADS.packed(120);
        List<String> shortTexts = PAYLOADS.packed(80);
        List<String> addresses = PAYLOADS.packed(500);
        // Names must be unique, so there is one client a name pack; the two 80-character fields share the shorter
        // packs between them.
        int count = names.size();
        List<String> websites = websites();
        assertThat(websites.size()).isLessThanOrEqualTo(count);
        assertThat(shortTexts.size()).isLessThanOrEqualTo(2 * count);
        for (int i = 0; i < count; i++) {
            String name = names.get(i % names.size());
            ClientForm form = valid(new ClientForm(
                    name,
                    "security" + i + "@client.test",
                    Industry.OTHER,
                    shortTexts.get(i % shortTexts.size()),
                    websites.get(i % websites.size()),
                    "",
                    addresses.get(i % addresses.size()),
                    shortTexts.get((i + count) % shortTexts.size()),
                    ClientStatus.ACTIVE,
                    i == 0 ? PAYLOADS.markdown("first note") : "",
                    List.of()));
            UUID id = asAdmin(() -> clients.create(form, null, null));
            if (i == 0) {
                portalClient = id;
            } else {
                otherClients.add(id);
            }
            clientNames.add(name);
            clientTexts.add(List.of(name, form.industryOther(), form.website(), form.address(), form.externalRef()));
        }
        // The one field with a URL rule refuses every dangerous scheme, so no payload is stored there.
        for (String payload : List.of(
                "javascript:alert(1)",
                "JaVaScRiPt:alert(1)",
                "data:text/html,<script>alert(1)</script>",
                "vbscript:msgbox(1)",
                " javascript:alert(1)")) {
            ClientForm form = new ClientForm(
                    "Website check", "a@b.test", null, "", payload, "", "", "", ClientStatus.ACTIVE, "", List.of());
            assertThat(validator.validate(form)).as(payload).isNotEmpty();
        }

        List<String> contactNames = PAYLOADS.packed(120);
        for (int i = 0; i < contactNames.size(); i++) {
            String text = contactNames.get(i);
            ContactForm form = valid(
                    new ContactForm(text, "contact" + i + "@client.test", "", text, text, i == 0, false, false, false));
            asAdmin(() -> {
                contacts.add(portalClient, form);
                return null;
            });
            contactTexts.add(text);
        }
        contactId = asAdmin(() -> contacts.of(portalClient)).get(0).id();
        for (String chunk : PAYLOADS.markdownChunks("note", 20000)) {
            asAdmin(() -> {
                notes.add(portalClient, valid(new NoteForm(chunk)));
                return null;
            });
        }
        noteId = asAdmin(() -> notes.of(portalClient)).get(0).id();
        testPortal.enable(workspace, portalClient);
    }

    /** A reference link (a web address, the only kind besides CWE ids) for each payload without white space. */
    private static List<String> referenceLinks() {
        return PAYLOADS.singleLine().stream()
                .filter(payload -> !payload.matches(".*\\s.*"))
                .map(payload -> "https://ref.test/" + payload)
                .toList();
    }

    /** The payloads without white space (which a web address cannot hold), packed after an https:// address. */
    private static List<String> websites() {
        String prefix = "https://client.test/";
        List<String> websites = new ArrayList<>();
        StringBuilder website = new StringBuilder(prefix);
        for (String payload : PAYLOADS.singleLine()) {
            if (payload.matches(".*\\s.*") || prefix.length() + payload.length() > 300) {
                continue;
            }
            if (website.length() + payload.length() > 300) {
                websites.add(website.toString());
                website.setLength(0);
                website.append(prefix);
            }
            website.append(payload);
        }
        websites.add(website.toString());
        return websites;
    }

    private void seedProjectsAndFindings() {
        List<String> names = PAYLOADS.packed(200);
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            ProjectForm form = valid(new ProjectForm(
                    name,
                    portalClient,
                    ProjectStatus.IN_PROGRESS,
                    ProjectType.WEB_APPLICATION,
                    null,
                    null,
                    i == 0 ? PAYLOADS.markdown("scope") : "",
                    i == 0 ? PAYLOADS.markdown("project description") : ""));
            projectIds.add(asAdmin(() -> projects.create(form)));
            projectNames.add(name);
        }
        UUID project = projectIds.get(0);
        for (String value : PAYLOADS.packed(200)) {
            AssetForm form = valid(new AssetForm(AssetKind.APPLICATION, value));
            asAdmin(() -> {
                projects.addAsset(project, form);
                return null;
            });
            assetValues.add(value);
        }

        List<String> titles = PAYLOADS.packed(200);
        String references = String.join("\n", referenceLinks());
        for (int i = 0; i < titles.size(); i++) {
            String title = titles.get(i);
            boolean full = i == 0;
            FindingForm form = valid(new FindingForm(
                    title,
                    Severity.values()[i % Severity.values().length],
                    null,
                    null,
                    null,
                    full ? PAYLOADS.markdown("description") : "Description of finding " + i,
                    full ? PAYLOADS.markdown("impact") : "",
                    full ? PAYLOADS.markdown("remediation") : "",
                    full ? PAYLOADS.markdown("technical details") : "",
                    full ? references : "",
                    full ? PAYLOADS.markdown("internal notes") : "",
                    null,
                    List.of()));
            findingIds.add(asAdmin(() -> findings.create(project, form)));
            findingTitles.add(title);
        }
        UUID finding = findingIds.get(0);
        byte[] png = TestClients.png(4, 4, Color.RED);
        for (String name : PAYLOADS.packed(200)) {
            asAdmin(() -> evidence.add(project, finding, name + ".png", png));
        }
        for (EvidenceView view : asAdmin(() -> evidence.list(project, finding))) {
            evidenceNames.add(view.fileName());
        }
    }

    private void seedPeople() {
        // Staff display names as an invited colleague types them when accepting the invitation (the real form).
        List<String> staffEmails = new ArrayList<>();
        for (String name : PAYLOADS.packed(120)) {
            String email = "staff-" + UUID.randomUUID().toString().substring(0, 8) + "@test.local";
            asAdmin(() -> {
                staffAccounts.invite(valid(new InviteStaffCmd(email, PlatformRole.ANALYST)));
                return null;
            });
            staffEmails.add(email);
            staffNames.add(name);
        }
        outbox.flush();
        for (int i = 0; i < staffEmails.size(); i++) {
            String email = staffEmails.get(i);
            String path = URI.create(TestMail.linkTo(email, "/invitations/")).getPath();
            assertThat(mvc.post()
                            .uri(path)
                            .param("fullName", staffNames.get(i))
                            .param("password", STAFF_PASSWORD)
                            .param("confirmPassword", STAFF_PASSWORD)
                            .with(csrf()))
                    .hasStatus3xxRedirection();
            staffIds.add(testClients.value(
                    workspace, UUID.class, "select id from staff_user where lower(email) = lower(?)", email));
        }
        for (UUID id : staffIds) {
            asAdmin(() -> {
                projects.putOnTeam(projectIds.get(0), new TeamMemberForm(id, ProjectRole.EDITOR));
                return null;
            });
        }

        manager = testPortal.accept(mvc, workspace, testPortal.invite(workspace, portalClient, PortalRole.MANAGER));
        List<String> names = PAYLOADS.packed(120);
        managerName = names.get(0);
        PortalUserForm managerForm = valid(new PortalUserForm(manager.email(), managerName, PortalRole.MANAGER));
        asAdmin(() -> {
            portalUsers.update(portalClient, manager.id(), managerForm);
            return null;
        });
        for (int i = 0; i < names.size(); i++) {
            PortalUserForm form = valid(new PortalUserForm(
                    "invitee-" + i + "-" + UUID.randomUUID().toString().substring(0, 6) + "@client.test",
                    names.get(i),
                    PortalRole.values()[i % PortalRole.values().length]));
            portalUserIds.add(asAdmin(() -> portalUsers.invite(portalClient, form)));
            portalUserNames.add(names.get(i));
        }
    }

    /** Staff and portal comments (with @mentions), and status changes with notes from both sides. */
    private void seedConversation() {
        UUID project = projectIds.get(0);
        UUID finding = findingIds.get(0);
        String adminHandle = admin.email().substring(0, admin.email().indexOf('@'));
        TestPortalUser client = new TestPortalUser(
                workspace.id(), manager.id(), manager.email(), managerName, portalClient, PortalRole.MANAGER);
        List<String> staffComments = PAYLOADS.markdownChunks("staff comment", 2000);
        for (int i = 0; i < staffComments.size(); i++) {
            String body = staffComments.get(i) + "@" + adminHandle;
            UUID id = asAdmin(() -> comments.add(project, finding, body, CommentVisibility.SHARED));
            if (i == 0) {
                staffCommentId = id;
            }
        }
        for (String chunk : PAYLOADS.markdownChunks("client comment", 2000)) {
            String body = chunk + "@" + adminHandle;
            ActingAsPortalUser.call(client, () -> clientFacing.comment(finding, body));
        }

        // Status notes from both sides, in as many rounds as the 2,000-character notes need.
        List<String> notes = PAYLOADS.markdownChunks("status note", 2000);
        for (int i = 0; i < notes.size(); i += 2) {
            String clientNote = notes.get(i);
            String firmNote = notes.get(Math.min(i + 1, notes.size() - 1));
            ActingAsPortalUser.run(client, () -> clientFacing.markRemediated(finding, clientNote));
            asAdmin(() -> {
                findings.move(project, finding, FindingStatus.PARTIALLY_FIXED, firmNote);
                return null;
            });
        }
        // Every other finding is reported fixed and verified, so its (payload) title reaches notifications.
        for (int i = 1; i < findingIds.size(); i++) {
            UUID other = findingIds.get(i);
            ActingAsPortalUser.run(client, () -> clientFacing.requestRetest(other, "Please retest " + other));
            asAdmin(() -> {
                findings.move(project, other, FindingStatus.VERIFIED_FIXED, null);
                return null;
            });
        }
    }

    private void seedLibraryAndReports() {
        for (String title : PAYLOADS.packed(200)) {
            boolean first = templateIds.isEmpty();
            TemplateForm form = valid(new TemplateForm(
                    title,
                    Severity.HIGH,
                    null,
                    first ? PAYLOADS.markdown("template description") : "",
                    first ? PAYLOADS.markdown("template impact") : "",
                    first ? PAYLOADS.markdown("template remediation") : "",
                    first ? String.join("\n", referenceLinks()) : ""));
            templateIds.add(asAdmin(() -> library.create(form)));
            templateTitles.add(title);
        }
        List<String> subtitles = PAYLOADS.packed(200);
        List<String> names = PAYLOADS.packed(100);
        List<String> coverNotes = PAYLOADS.packed(5_000);
        for (int i = 0; i < names.size(); i++) {
            boolean first = i == 0;
            ReportTemplateCmd cmd = valid(new ReportTemplateCmd(
                    names.get(i),
                    "#1f4e79",
                    "#2e7d32",
                    i % 2 == 0 ? "CLASSIC" : "BANNER",
                    subtitles.get(i % subtitles.size()),
                    coverNotes.get(i % coverNotes.size()),
                    first ? PAYLOADS.markdown("introduction") : "",
                    first ? PAYLOADS.markdown("closing") : "",
                    ""));
            reportTemplateIds.add(asAdmin(() -> reportTemplates.create(cmd)));
            reportTemplateNames.add(names.get(i));
        }
        // Custom CSS: each payload after an allowed rule. The filter refuses what it cannot rebuild from allowed parts;
        // what it stores is shown again in the template's form, which is visited.
        List<String> all = PAYLOADS.all();
        for (int i = 0; i < all.size(); i++) {
            ReportTemplateCmd cmd = valid(new ReportTemplateCmd(
                    "CSS case " + (i + 1),
                    "#1f4e79",
                    "#2e7d32",
                    "CLASSIC",
                    "",
                    "",
                    "",
                    "",
                    "h1 { color: #123456; }\n" + all.get(i)));
            try {
                cssTemplateIds.add(asAdmin(() -> reportTemplates.create(cmd)));
            } catch (RuleViolation refused) {
                cssRefused++;
            }
        }
        // A project without findings: the report's own fields are what this is about, and it renders quickly.
        UUID project = projectIds.get(1);
        reportTitle = PAYLOADS.packed(200).get(0);
        GenerateReportCmd cmd = valid(new GenerateReportCmd(
                reportTemplateIds.get(0).toString(),
                reportTitle,
                PAYLOADS.packed(40).get(0),
                PAYLOADS.packed(60).get(0),
                PAYLOADS.markdown("executive summary"),
                PAYLOADS.markdown("report scope"),
                PAYLOADS.markdown("methodology")));
        UUID version = asAdmin(() -> reports.generate(project, cmd));
        assertThat(renderQueue.drain()).isEqualTo(1);
        asAdmin(() -> {
            reports.release(project, version);
            return null;
        });
    }

    // ---------------------------------------------------------------------------------------------------- visiting

    private void visitStaffPages(XssProbe probe, Page staff) {
        UUID project = projectIds.get(0);
        UUID finding = findingIds.get(0);
        String text;

        probe.visit(staff, "/");
        probe.visit(staff, "/clients");
        probe.visit(staff, "/clients?page=1");
        for (int i = 0; i < clientNames.size(); i++) {
            UUID id = i == 0 ? portalClient : otherClients.get(i - 1);
            text = probe.visit(staff, "/clients/" + id);
            probe.expectShown("/clients/" + id, text, clientTexts.get(i));
        }
        String client = "/clients/" + portalClient;
        text = probe.visit(staff, client + "/contacts");
        probe.expectShown(client + "/contacts", text, contactTexts);
        text = probe.visit(staff, client + "/notes");
        probe.expectShown(client + "/notes", text, XssPayloads.labelsIn(PAYLOADS.markdown("note")));
        text = probe.visit(staff, client + "/projects");
        probe.expectShown(client + "/projects", text, projectNames);
        probe.visit(staff, client + "/activity");
        text = probe.visit(staff, client + "/settings");
        probe.expectShown(client + "/settings", text, concat(portalUserNames, List.of(managerName)));
        probe.visit(staff, client + "/edit");
        probe.visit(staff, client + "/contacts/" + contactId + "/edit");
        probe.visit(staff, client + "/notes/" + noteId + "/edit");
        probe.visit(staff, client + "/portal-users/" + portalUserIds.get(0));
        probe.visit(staff, client + "/portal-users/" + portalUserIds.get(0) + "/remove");

        probe.visit(staff, "/projects");
        for (int i = 0; i < projectIds.size(); i++) {
            text = probe.visit(staff, "/projects/" + projectIds.get(i));
            List<String> expected = new ArrayList<>(List.of(projectNames.get(i)));
            if (i == 0) {
                expected.addAll(assetValues);
                expected.addAll(staffNames);
                expected.addAll(XssPayloads.labelsIn(PAYLOADS.markdown("scope")));
                expected.addAll(XssPayloads.labelsIn(PAYLOADS.markdown("project description")));
            }
            probe.expectShown("/projects/" + projectIds.get(i), text, expected);
        }
        probe.visit(staff, "/projects/" + project + "/activity");
        probe.visit(staff, "/projects/" + project + "/delete");

        text = probe.visit(staff, "/findings");
        probe.expectShown("/findings", text, findingTitles);
        text = probe.visit(staff, "/projects/" + project + "/findings");
        probe.expectShown("/projects/" + project + "/findings", text, findingTitles);
        for (int i = 1; i < findingIds.size(); i++) {
            String path = "/projects/" + project + "/findings/" + findingIds.get(i);
            text = probe.visit(staff, path);
            probe.expectShown(path, text, List.of(findingTitles.get(i)));
        }
        String detail = "/projects/" + project + "/findings/" + finding;
        text = probe.visit(staff, detail);
        List<String> expected = new ArrayList<>(List.of(findingTitles.get(0)));
        for (String field : List.of("description", "impact", "remediation", "technical details", "internal notes")) {
            expected.addAll(XssPayloads.labelsIn(PAYLOADS.markdown(field)));
        }
        expected.addAll(evidenceNames);
        expected.addAll(referenceLinks());
        expected.add(managerName);
        expected.addAll(XssPayloads.labelsIn(PAYLOADS.markdown("staff comment")));
        expected.addAll(XssPayloads.labelsIn(PAYLOADS.markdown("client comment")));
        probe.expectShown(detail, text, expected);
        probe.visit(staff, detail + "/edit");
        probe.visit(staff, detail + "/comments/" + staffCommentId + "/edit");
        probe.visit(staff, "/projects/" + projectIds.get(1) + "/reports");

        text = probe.visit(staff, "/findings/library");
        probe.expectShown("/findings/library", text, templateTitles);
        probe.visit(staff, "/findings/library/" + templateIds.get(0) + "/edit");

        // 25 people a page, by name.
        text = probe.visit(staff, "/admin/users") + probe.visit(staff, "/admin/users?page=1");
        probe.expectShown("/admin/users", text, staffNames);
        text = probe.visit(staff, "/admin/users/" + staffIds.get(0));
        probe.expectShown("/admin/users/" + staffIds.get(0), text, List.of(staffNames.get(0)));
        probe.visit(staff, "/admin/audit");
        probe.visit(staff, "/admin/workspace");
        text = probe.visit(staff, "/admin/report-templates");
        probe.expectShown("/admin/report-templates", text, reportTemplateNames);
        probe.visit(staff, "/admin/report-templates/" + reportTemplateIds.get(0));
        for (UUID id : cssTemplateIds) {
            probe.visit(staff, "/admin/report-templates/" + id);
        }
        probe.visit(staff, "/notifications");
    }

    private void visitPortalPages(XssProbe probe, Page portal) {
        String base = "/portal/" + workspace.slug();
        String text = probe.visit(portal, base + "/");
        probe.expectShown(base + "/", text, List.of(managerName, clientNames.get(0)));
        text = probe.visit(portal, base + "/projects");
        probe.expectShown(base + "/projects", text, projectNames);
        for (int i = 0; i < projectIds.size(); i++) {
            String path = base + "/projects/" + projectIds.get(i);
            text = probe.visit(portal, path);
            List<String> expected = new ArrayList<>(List.of(projectNames.get(i)));
            if (i == 0) {
                // 25 findings a page.
                expected.addAll(findingTitles.subList(0, Math.min(25, findingTitles.size())));
            }
            probe.expectShown(path, text, expected);
        }
        for (int i = 1; i < findingIds.size(); i++) {
            text = probe.visit(portal, base + "/findings/" + findingIds.get(i));
            probe.expectShown(base + "/findings/" + findingIds.get(i), text, List.of(findingTitles.get(i)));
        }
        String detail = base + "/findings/" + findingIds.get(0);
        text = probe.visit(portal, detail);
        List<String> expected = new ArrayList<>(List.of(findingTitles.get(0)));
        for (String field : List.of("description", "impact", "remediation", "technical details")) {
            expected.addAll(XssPayloads.labelsIn(PAYLOADS.markdown(field)));
        }
        expected.addAll(referenceLinks());
        expected.addAll(XssPayloads.labelsIn(PAYLOADS.markdown("staff comment")));
        expected.addAll(XssPayloads.labelsIn(PAYLOADS.markdown("client comment")));
        probe.expectShown(detail, text, expected);
        assertThat(text).doesNotContain("Case 1 of internal notes");
        probe.visit(portal, base + "/help");
        probe.visit(portal, base + "/notifications");
        probe.visit(portal, base + "/account");
        text = probe.visit(portal, base + "/reports");
        probe.expectShown(base + "/reports", text, List.of(reportTitle));
        text = probe.visit(portal, base + "/users");
        probe.expectShown(base + "/users", text, portalUserNames);
        probe.visit(portal, base + "/users/" + portalUserIds.get(0));
        probe.visit(portal, base + "/users/" + portalUserIds.get(0) + "/remove");
    }

    // ---------------------------------------------------------------------------------------------------- helpers

    private void signIn(Page page, String origin) {
        page.navigate(origin + "/login");
        page.getByLabel("E-mail").fill(admin.email());
        page.getByLabel("Password").fill(admin.password());
        page.locator("form button[type=submit]").first().click();
        page.waitForURL(origin + "/");
    }

    private PortalBrandingForm branding(String welcome, String footer, String help, List<String> explanations) {
        return new PortalBrandingForm(
                "#1f4e79",
                "#2e7d32",
                welcome,
                footer,
                help,
                explanations.get(0),
                explanations.get(1),
                explanations.get(2),
                explanations.get(3),
                explanations.get(4),
                explanations.get(5),
                explanations.get(6),
                null);
    }

    /** The form as a user would submit it; fails if the form's own validation would refuse it. */
    private <T> T valid(T form) {
        Set<ConstraintViolation<T>> violations = validator.validate(form);
        assertThat(violations).as("%s would be refused", form).isEmpty();
        return form;
    }

    private <T> T asAdmin(Supplier<T> work) {
        return ActingAs.call(workspace, admin, work);
    }

    private static List<String> concat(List<String> first, List<String> second) {
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }
}
