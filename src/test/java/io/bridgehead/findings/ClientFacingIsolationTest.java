package io.bridgehead.findings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bridgehead.access.PortalRole;
import io.bridgehead.projects.ProjectStatus;
import io.bridgehead.shared.NotFoundException;
import io.bridgehead.support.ActingAs;
import io.bridgehead.support.ActingAsPortalUser;
import io.bridgehead.support.ActingAsPortalUser.TestPortalUser;
import io.bridgehead.support.IntegrationTest;
import io.bridgehead.support.TestClients;
import io.bridgehead.support.TestWorkspaces;
import io.bridgehead.support.TestWorkspaces.TestWorkspace;
import java.awt.Color;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every portal method, given a finding or project outside the portal user's bounds — another client of the same
 * workspace, a project the firm hides from the portal, another workspace, nothing at all — answers "not found" and
 * changes nothing.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClientFacingIsolationTest {

    @Autowired
    TestWorkspaces testWorkspaces;

    @Autowired
    TestClients testClients;

    @Autowired
    TestFindings testFindings;

    @Autowired
    PortalFixtures testPortal;

    @Autowired
    ClientFacingFindings portal;

    @Autowired
    FindingEvidence evidence;

    TestWorkspace workspace;
    TestWorkspace otherWorkspace;
    TestPortalUser manager;
    UUID visibleProject;
    UUID visibleFinding;
    UUID visibleEvidence;

    /** Out-of-bounds finding → its project, evidence file and workspace. */
    final Map<String, Target> targets = new LinkedHashMap<>();

    record Target(TestWorkspace workspace, UUID project, UUID finding, UUID evidence) {}

    @BeforeAll
    void setUp() {
        workspace = testWorkspaces.create("Portal isolation");
        UUID client = testClients.create(workspace, "Isolated Client");
        testPortal.open(workspace, client);
        manager = ActingAsPortalUser.of(workspace, client, PortalRole.MANAGER);
        visibleProject = testClients.project(workspace, "Visible", client, ProjectStatus.REMEDIATION);
        visibleFinding = testPortal.finding(workspace, visibleProject, "Visible finding", Severity.HIGH, "x");
        visibleEvidence = addEvidence(workspace, visibleProject, visibleFinding);

        UUID hidden = testClients.project(workspace, "Hidden", client, ProjectStatus.REMEDIATION);
        testPortal.hide(workspace, hidden);
        targets.put("hidden project", target(workspace, hidden));

        UUID neighbour = testClients.create(workspace, "Neighbour Client");
        testPortal.open(workspace, neighbour);
        targets.put(
                "another client",
                target(workspace, testClients.project(workspace, "Neighbour's", neighbour, ProjectStatus.REMEDIATION)));

        otherWorkspace = testWorkspaces.create("Portal isolation other");
        UUID foreign = testClients.create(otherWorkspace, "Isolated Client");
        testPortal.open(otherWorkspace, foreign);
        targets.put(
                "another workspace",
                target(
                        otherWorkspace,
                        testClients.project(otherWorkspace, "Foreign", foreign, ProjectStatus.REMEDIATION)));
    }

    private Target target(TestWorkspace in, UUID project) {
        UUID finding = testPortal.finding(in, project, "Out of bounds", Severity.CRITICAL, "x");
        return new Target(in, project, finding, addEvidence(in, project, finding));
    }

    private UUID addEvidence(TestWorkspace in, UUID project, UUID finding) {
        return ActingAs.call(
                in, in.admin(), () -> evidence.add(project, finding, "e.png", TestClients.png(20, 20, Color.GREEN)));
    }

    @Test
    void theVisibleFindingIsReachable() {
        assertThat(as(() -> portal.get(visibleFinding)).title()).isEqualTo("Visible finding");
        assertThat(as(() ->
                        portal.evidenceContent(visibleFinding, visibleEvidence).fileName()))
                .isEqualTo("e.png");
    }

    @Test
    void everyReadAnswersNotFoundOutsideTheBounds() {
        targets.forEach((what, t) -> {
            notFound(what + ": list", () -> portal.list(t.project(), ClientFindingFilter.NONE, 0));
            notFound(what + ": get", () -> portal.get(t.finding()));
            notFound(what + ": history", () -> portal.history(t.finding()));
            notFound(what + ": comments", () -> portal.sharedComments(t.finding()));
            notFound(what + ": suggestions", () -> portal.mentionSuggestions(t.finding(), ""));
            notFound(what + ": evidence", () -> portal.evidence(t.finding()));
            notFound(what + ": evidence file", () -> portal.evidenceContent(t.finding(), t.evidence()));
        });
    }

    @Test
    void everyWriteAnswersNotFoundOutsideTheBoundsAndChangesNothing() {
        targets.forEach((what, t) -> {
            notFound(what + ": comment", () -> portal.comment(t.finding(), "Hello"));
            notFound(what + ": mark remediated", () -> portal.markRemediated(t.finding(), "Fixed"));
            notFound(what + ": request retest", () -> portal.requestRetest(t.finding(), "Retest"));

            assertThat(testFindings.status(t.workspace(), t.finding())).isEqualTo(FindingStatus.OPEN);
            assertThat(testFindings.historyRows(t.workspace(), t.finding())).isEqualTo(1);
            assertThat(testClients.count(t.workspace(), "finding_comment where finding_id = ?", t.finding()))
                    .isZero();
        });
    }

    @Test
    void unknownIdsAndAnotherFindingsEvidenceAreNotFound() {
        UUID nothing = UUID.randomUUID();
        notFound("unknown project", () -> portal.list(nothing, ClientFindingFilter.NONE, 0));
        notFound("no project", () -> portal.list(null, ClientFindingFilter.NONE, 0));
        notFound("unknown finding", () -> portal.get(nothing));
        notFound("unknown finding", () -> portal.markRemediated(nothing, "Fixed"));
        notFound("unknown evidence", () -> portal.evidenceContent(visibleFinding, nothing));
        Target neighbour = targets.get("another client");
        notFound("another finding's evidence", () -> portal.evidenceContent(visibleFinding, neighbour.evidence()));
    }

    @Test
    void aUserOfAnotherClientOfTheWorkspaceDoesNotReachThisClientsFindings() {
        Target neighbour = targets.get("another client");
        UUID neighbourClient = testClients.value(
                workspace, UUID.class, "select client_id from project where id = ?", neighbour.project());
        TestPortalUser theirs = ActingAsPortalUser.of(workspace, neighbourClient, PortalRole.MANAGER);

        assertThat(ActingAsPortalUser.call(theirs, () -> portal.get(neighbour.finding()))
                        .title())
                .isEqualTo("Out of bounds");
        assertThatThrownBy(() -> ActingAsPortalUser.call(theirs, () -> portal.get(visibleFinding)))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() ->
                        ActingAsPortalUser.call(theirs, () -> portal.list(visibleProject, ClientFindingFilter.NONE, 0)))
                .isInstanceOf(NotFoundException.class);
        assertThat(ActingAsPortalUser.call(theirs, portal::dashboard).openTotal())
                .isEqualTo(1);
    }

    private <T> T as(java.util.function.Supplier<T> work) {
        return ActingAsPortalUser.call(manager, work);
    }

    private void notFound(String what, Runnable call) {
        assertThatThrownBy(() -> ActingAsPortalUser.run(manager, call)).as(what).isInstanceOf(NotFoundException.class);
    }
}
