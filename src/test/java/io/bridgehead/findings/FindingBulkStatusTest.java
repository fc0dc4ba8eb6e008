package io.bridgehead.findings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import io.bridgehead.access.PlatformRole;
import io.bridgehead.audit.AuditAction;
import io.bridgehead.projects.ProjectStatus;
import io.bridgehead.support.AuditTrail;
import io.bridgehead.support.IntegrationTest;
import io.bridgehead.support.SignIn;
import io.bridgehead.support.TestClients;
import io.bridgehead.support.TestWorkspaces;
import io.bridgehead.support.TestWorkspaces.TestWorkspace;
import jakarta.servlet.http.Cookie;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** A status change for many findings: all of them or none, the refusal naming the finding, each move audited. */
@IntegrationTest
class FindingBulkStatusTest {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    TestWorkspaces testWorkspaces;

    @Autowired
    TestClients testClients;

    @Autowired
    TestFindings testFindings;

    @Autowired
    AuditTrail auditTrail;

    TestWorkspace workspace;
    Cookie admin;
    UUID alpha;
    UUID beta;
    UUID first;
    UUID second;
    UUID closed;

    @BeforeEach
    void setUp() {
        workspace = testWorkspaces.create("Bulk status");
        admin = SignIn.as(mvc, workspace.admin());
        alpha = testClients.project(workspace, "Alpha", null, ProjectStatus.IN_PROGRESS);
        beta = testClients.project(workspace, "Beta", null, ProjectStatus.IN_PROGRESS);
        first = testFindings.create(workspace, alpha, "First", Severity.HIGH, null);
        second = testFindings.create(workspace, beta, "Second", Severity.LOW, null);
        testFindings.create(workspace, alpha, "Filler", Severity.LOW, null);
        closed = testFindings.create(workspace, alpha, "Already closed", Severity.MEDIUM, null);
        testFindings.move(workspace, alpha, closed, FindingStatus.CLOSED, "");
    }

    @Test
    void allSelectedFindingsMoveTogetherAndEachMoveIsRecordedAndAudited() {
        MvcTestResult moved = bulk(admin, "ACCEPTED_RISK", "Risk owner signed off", first, second);

        assertThat(moved).hasRedirectedUrl("/findings?sort=SEVERITY");
        assertThat(moved).flash().containsEntry("flash", "2 findings changed to Accepted risk.");
        assertThat(testFindings.status(workspace, first)).isEqualTo(FindingStatus.ACCEPTED_RISK);
        assertThat(testFindings.status(workspace, second)).isEqualTo(FindingStatus.ACCEPTED_RISK);
        assertThat(testFindings.historyRows(workspace, first)).isEqualTo(2);
        assertThat(auditTrail.actionsBy(workspace, workspace.admin().email()).stream()
                        .filter(a -> a == AuditAction.FINDING_STATUS_CHANGED))
                .hasSize(3); // the setup's close and the two bulk moves
    }

    @Test
    void oneRefusedMoveLeavesEveryFindingAsItWasAndNamesTheFinding() {
        MvcTestResult refused = bulk(admin, "ACCEPTED_RISK", "Risk owner signed off", first, second, closed);

        assertThat(refused).hasRedirectedUrl("/findings?sort=SEVERITY");
        assertThat(refused)
                .flash()
                .hasEntrySatisfying(
                        "problem",
                        problem -> assertThat((String) problem)
                                .contains("F-3 is Closed and cannot become Accepted risk")
                                .contains("Nothing was changed"));
        assertThat(testFindings.status(workspace, first)).isEqualTo(FindingStatus.OPEN);
        assertThat(testFindings.status(workspace, second)).isEqualTo(FindingStatus.OPEN);
        assertThat(testFindings.historyRows(workspace, first)).isEqualTo(1);
        assertThat(auditTrail.actionsBy(workspace, workspace.admin().email()).stream()
                        .filter(a -> a == AuditAction.FINDING_STATUS_CHANGED))
                .hasSize(1);

        String page = page("/findings?sort=SEVERITY", refused);
        assertThat(page).contains("F-3 is Closed and cannot become Accepted risk");
    }

    @Test
    void aMissingNoteIsRefusedForAll() {
        MvcTestResult refused = bulk(admin, "ACCEPTED_RISK", "", first, second);

        assertThat(refused)
                .flash()
                .hasEntrySatisfying(
                        "problem",
                        problem -> assertThat((String) problem)
                                .contains("F-1 (Alpha)")
                                .contains("needs one"));
        assertThat(testFindings.status(workspace, first)).isEqualTo(FindingStatus.OPEN);
    }

    @Test
    void nothingSelectedIsExplained() {
        assertThat(bulk(admin, "CLOSED", "")).flash().containsEntry("problem", "Select at least one finding.");
    }

    @Test
    void theProjectPageGetsItsFiltersBack() {
        MvcTestResult moved = mvc.post()
                .uri("/findings/bulk-status")
                .cookie(admin)
                .with(csrf())
                .param("findingIds", first.toString())
                .param("to", "CLOSED")
                .param("severity", "HIGH")
                .param("q", "fir st")
                .param("projectId", alpha.toString())
                .param("inProject", "true")
                .param("sort", "CVSS")
                .exchange();

        assertThat(moved).hasRedirectedUrl("/projects/" + alpha + "/findings?q=fir%20st&severity=HIGH&sort=CVSS");
        assertThat(testFindings.status(workspace, first)).isEqualTo(FindingStatus.CLOSED);
    }

    @Test
    void aReviewerCannotChangeStatusesInBulk() {
        Cookie reviewer = SignIn.as(mvc, testWorkspaces.addUser(workspace, PlatformRole.REVIEWER));

        assertThat(page("/findings", reviewer)).contains("First").doesNotContain("name=\"findingIds\"");
        MvcTestResult refused = bulk(reviewer, "CLOSED", "", first);
        assertThat(refused.getResponse().getStatus()).isIn(302, 403);
        assertThat(testFindings.status(workspace, first)).isEqualTo(FindingStatus.OPEN);
    }

    @Test
    void findingsOfAnotherWorkspaceCannotBeMoved() {
        TestWorkspace other = testWorkspaces.create("Bulk outsider");
        Cookie outsider = SignIn.as(mvc, other.admin());

        assertThat(bulk(outsider, "CLOSED", "", first)).hasStatus(404);
        assertThat(testFindings.status(workspace, first)).isEqualTo(FindingStatus.OPEN);
    }

    private MvcTestResult bulk(Cookie session, String to, String note, UUID... ids) {
        var request = mvc.post()
                .uri("/findings/bulk-status")
                .cookie(session)
                .with(csrf())
                .param("to", to)
                .param("note", note)
                .param("sort", "SEVERITY");
        for (UUID id : ids) {
            request = request.param("findingIds", id.toString());
        }
        return request.exchange();
    }

    private String page(String url, Cookie session) {
        try {
            return mvc.get().uri(url).cookie(session).exchange().getResponse().getContentAsString();
        } catch (java.io.UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    private String page(String url, MvcTestResult withFlash) {
        try {
            var flash = withFlash.getMvcResult().getFlashMap();
            var request = mvc.get().uri(url).cookie(admin);
            for (var entry : flash.entrySet()) {
                request = request.flashAttr(entry.getKey(), entry.getValue());
            }
            return request.exchange().getResponse().getContentAsString();
        } catch (java.io.UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }
}
