package io.bridgehead.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import io.bridgehead.shared.web.RequestOrigin;
import io.bridgehead.support.Html;
import io.bridgehead.support.IntegrationTest;
import io.bridgehead.support.SignIn;
import io.bridgehead.support.TestWorkspaces;
import io.bridgehead.support.TestWorkspaces.TestWorkspace;
import jakarta.servlet.http.Cookie;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.env.Environment;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditChainTest {

    private static final Pattern ROW = Pattern.compile("<tr>\\s*<td>\\d+</td>");

    @Autowired
    MockMvcTester mvc;

    @Autowired
    TestWorkspaces testWorkspaces;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    Environment environment;

    String alice;
    String bob;
    Cookie browsingAdmin;

    /** A workspace with 20 role changes by Alice and 55 invitations by Bob, for browsing. */
    @BeforeAll
    void createBrowsingWorkspace() {
        TestWorkspace browsing = testWorkspaces.create("Audit browsing");
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        alice = "alice-" + suffix + "@test.local";
        bob = "bob-" + suffix + "@test.local";
        for (int i = 0; i < 20; i++) {
            append(browsing, alice, AuditAction.ROLE_CHANGED, "user-" + i + "@test.local");
        }
        for (int i = 0; i < 55; i++) {
            append(browsing, bob, AuditAction.INVITATION_SENT, "invitee-" + i + "@test.local");
        }
        browsingAdmin = SignIn.as(mvc, browsing.admin());
    }

    @Test
    void untouchedChainIsIntactAndAChangedEntryIsNamed() throws SQLException {
        TestWorkspace workspace = testWorkspaces.create("Audit tamper");
        for (int i = 1; i <= 3; i++) {
            append(workspace, "someone@test.local", AuditAction.WORKSPACE_SETTINGS_CHANGED, "Setting " + i);
        }
        Cookie admin = SignIn.as(mvc, workspace.admin());

        assertThat(verify(admin))
                .contains("The chain is intact: all <span>4</span> entries match their hashes.")
                .doesNotContain("The chain is broken");

        int changed = asOwner(
                workspace.id(),
                "update audit_entry set details = 'Nothing to see here' where tenant_id = ? and seq = 2");
        assertThat(changed).isEqualTo(1);

        assertThat(verify(admin))
                .containsPattern("The chain is broken at entry <strong>2</strong>:\\s*"
                        + "<span>Its content does not match its hash</span>")
                .doesNotContain("The chain is intact");
        assertThat(Html.of(mvc.get()
                        .uri("/admin/audit?action=AUDIT_CHAIN_VERIFIED")
                        .cookie(admin)
                        .exchange()))
                .contains("<td>Intact, 4 entries</td>")
                .contains("<td>Broken at entry 2: Its content does not match its hash</td>");
    }

    @Test
    void deletedEntryIsNamedAsMissing() throws SQLException {
        TestWorkspace workspace = testWorkspaces.create("Audit delete");
        for (int i = 1; i <= 4; i++) {
            append(workspace, "someone@test.local", AuditAction.WORKSPACE_SETTINGS_CHANGED, "Setting " + i);
        }
        Cookie admin = SignIn.as(mvc, workspace.admin());
        assertThat(verify(admin)).contains("The chain is intact");

        int deleted = asOwner(workspace.id(), "delete from audit_entry where tenant_id = ? and seq = 2");
        assertThat(deleted).isEqualTo(1);

        assertThat(verify(admin))
                .containsPattern("The chain is broken at entry <strong>2</strong>")
                .contains("<span>Entry 2 is missing</span>")
                .doesNotContain("The chain is intact");
    }

    @Test
    void logIsPagedFiftyEntriesAtATimeNewestFirst() {
        String first = browse("/admin/audit");

        assertThat(rows(first)).isEqualTo(50);
        assertThat(first).contains("Page 1 of 2");
        String second = browse(olderLink(first));
        assertThat(second).contains("Page 2 of 2").doesNotContain("Older →");
        assertThat(rows(second)).isEqualTo(26); // 75 appended and the Admin's sign-in
        assertThat(second).contains("<td>user-0@test.local</td>");
        assertThat(first).doesNotContain("<td>user-0@test.local</td>");
    }

    @Test
    void logFiltersByAction() {
        String page = browse("/admin/audit?action=ROLE_CHANGED");

        assertThat(rows(page)).isEqualTo(20);
        assertThat(page).doesNotContain("<td>Invitation sent</td>").doesNotContain("Page 1 of");
    }

    @Test
    void logFiltersByPartOfTheActorsAddressAndKeepsTheFilterAcrossPages() {
        String alicePage = browse("/admin/audit?actor=" + alice.substring(0, 14).toUpperCase());
        assertThat(rows(alicePage)).isEqualTo(20);
        assertThat(alicePage).contains("<td>" + alice + "</td>").doesNotContain(bob);

        String bobFirst = browse("/admin/audit?actor=" + bob);
        assertThat(rows(bobFirst)).isEqualTo(50);
        assertThat(bobFirst).contains("Page 1 of 2");
        String bobSecond = browse(olderLink(bobFirst));
        assertThat(rows(bobSecond)).isEqualTo(5);
        assertThat(bobSecond).contains("Page 2 of 2").doesNotContain(alice);

        assertThat(browse("/admin/audit?action=ROLE_CHANGED&actor=" + bob)).contains("No entries match these filters.");
    }

    private void append(TestWorkspace workspace, String actor, AuditAction action, String target) {
        events.publishEvent(
                new AuditEvent(workspace.id(), null, actor, action, target, null, new RequestOrigin(null, null)));
    }

    private String verify(Cookie admin) {
        return Html.of(
                mvc.post().uri("/admin/audit/verify").cookie(admin).with(csrf()).exchange());
    }

    private String browse(String uri) {
        return Html.of(mvc.get().uri(uri).cookie(browsingAdmin).exchange());
    }

    private static int rows(String page) {
        return (int) ROW.matcher(page).results().count();
    }

    private static String olderLink(String page) {
        Matcher matcher = Pattern.compile("href=\"([^\"]+)\">Older →").matcher(page);
        assertThat(matcher.find()).as("link to older entries").isTrue();
        return matcher.group(1).replace("&amp;", "&");
    }

    /**
     * Runs a statement as the tables' owner, as a database administrator could. The audit table has no UPDATE or
     * DELETE policy, so with row-level security forced even the owner changes nothing: it lifts FORCE for the length of
     * its own transaction, which no other session can observe.
     */
    private int asOwner(UUID tenant, String sql) throws SQLException {
        try (Connection owner = DriverManager.getConnection(
                environment.getRequiredProperty("spring.flyway.url"),
                environment.getRequiredProperty("spring.flyway.user"),
                environment.getRequiredProperty("spring.flyway.password"))) {
            owner.setAutoCommit(false);
            try (Statement statement = owner.createStatement()) {
                statement.execute("select set_config('app.tenant_id', '" + tenant + "', false)");
                statement.execute("alter table audit_entry no force row level security");
            }
            int changed;
            try (PreparedStatement statement = owner.prepareStatement(sql)) {
                statement.setObject(1, tenant);
                changed = statement.executeUpdate();
            }
            try (Statement statement = owner.createStatement()) {
                statement.execute("alter table audit_entry force row level security");
            }
            owner.commit();
            return changed;
        }
    }
}
