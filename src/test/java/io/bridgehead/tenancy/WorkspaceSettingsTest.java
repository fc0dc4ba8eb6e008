package io.bridgehead.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import io.bridgehead.access.PlatformRole;
import io.bridgehead.audit.AuditAction;
import io.bridgehead.support.AuditTrail;
import io.bridgehead.support.IntegrationTest;
import io.bridgehead.support.SignIn;
import io.bridgehead.support.TestWorkspaces;
import io.bridgehead.support.TestWorkspaces.TestWorkspace;
import jakarta.servlet.http.Cookie;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WorkspaceSettingsTest {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    TestWorkspaces testWorkspaces;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Workspaces workspaces;

    @Autowired
    AuditTrail auditTrail;

    TestWorkspace workspace;
    Cookie admin;

    @BeforeAll
    void createWorkspace() {
        workspace = testWorkspaces.create("Settings");
        admin = SignIn.as(mvc, workspace.admin());
    }

    @Test
    void idleTimeoutAppliesToSessionsStartedAfterTheChange() {
        assertThat(save(workspace.name(), "45")).hasRedirectedUrl("/admin/workspace");
        assertThat(mvc.get().uri("/admin/workspace").cookie(admin)).bodyText().contains("Workspace settings saved");

        Cookie fresh = SignIn.as(mvc, workspace.admin());

        assertThat(maxInactiveSeconds(fresh)).isEqualTo(45 * 60);
    }

    @Test
    void outOfRangeOrNonNumericTimeoutIsRefusedAndInputKept() {
        assertThat(save("Renamed workspace", "4"))
                .hasStatusOk()
                .bodyText()
                .contains("The idle timeout must be at least 5 minutes.")
                .contains("value=\"Renamed workspace\"");
        assertThat(save(workspace.name(), "lots"))
                .hasStatusOk()
                .bodyText()
                .contains("Enter a whole number of minutes.");
        assertThat(save(" ", "30")).hasStatusOk().bodyText().contains("Enter the workspace name.");
        assertThat(save("x".repeat(121), "30")).hasStatusOk().bodyText().contains("Use at most 120 characters.");
        assertThat(mvc.get().uri("/admin/workspace").cookie(admin)).bodyText().doesNotContain("Renamed workspace");
    }

    @Test
    void portalIdleTimeoutDefaultsTo15MinutesAndIsSavedWithinItsRange() {
        TestWorkspace fresh = testWorkspaces.create("Portal timeout");
        assertThat(workspaces.portalIdleTimeoutMinutes(fresh.id())).isEqualTo(15);

        assertThat(save(workspace.name(), "30", "4"))
                .hasStatusOk()
                .bodyText()
                .contains("The portal&#39;s idle timeout must be at least 5 minutes.");
        assertThat(save(workspace.name(), "30", "721"))
                .bodyText()
                .contains("The portal&#39;s idle timeout can be at most 720 minutes (12 hours).");
        assertThat(save(workspace.name(), "30", "soon")).bodyText().contains("Enter a whole number of minutes.");
        assertThat(workspaces.portalIdleTimeoutMinutes(workspace.id())).isEqualTo(15);

        assertThat(save(workspace.name(), "30", "60")).hasRedirectedUrl("/admin/workspace");

        assertThat(workspaces.portalIdleTimeoutMinutes(workspace.id())).isEqualTo(60);
        assertThat(mvc.get().uri("/admin/workspace").cookie(admin))
                .bodyText()
                .contains("id=\"portalIdleTimeoutMinutes\"")
                .contains("value=\"60\"");
        assertThat(auditTrail.entriesBy(workspace, workspace.admin().email())).anySatisfy(entry -> {
            assertThat(entry.action()).isEqualTo(AuditAction.WORKSPACE_SETTINGS_CHANGED);
            assertThat(entry.details()).contains("portal idle timeout 60 minutes");
        });
    }

    @Test
    void onlyAdminsSeeOrChangeWorkspaceSettings() {
        Cookie analyst = SignIn.as(mvc, testWorkspaces.addUser(workspace, PlatformRole.ANALYST));

        assertThat(mvc.get().uri("/admin/workspace").cookie(analyst)).hasStatus(403);
        assertThat(mvc.post()
                        .uri("/admin/workspace")
                        .cookie(analyst)
                        .with(csrf())
                        .param("name", "Taken over")
                        .param("idleTimeoutMinutes", "600"))
                .hasStatus(403);
        assertThat(mvc.get().uri("/admin/workspace").cookie(admin)).bodyText().doesNotContain("Taken over");
    }

    private org.springframework.test.web.servlet.assertj.MvcTestResult save(String name, String minutes) {
        return save(name, minutes, "15");
    }

    private org.springframework.test.web.servlet.assertj.MvcTestResult save(
            String name, String minutes, String portalMinutes) {
        return mvc.post()
                .uri("/admin/workspace")
                .cookie(admin)
                .with(csrf())
                .param("name", name)
                .param("idleTimeoutMinutes", minutes)
                .param("portalIdleTimeoutMinutes", portalMinutes)
                .exchange();
    }

    private int maxInactiveSeconds(Cookie session) {
        String sessionId = new String(Base64.getDecoder().decode(session.getValue()), StandardCharsets.UTF_8);
        return jdbc.queryForObject(
                "select max_inactive_interval from spring_session where session_id = ?", Integer.class, sessionId);
    }
}
