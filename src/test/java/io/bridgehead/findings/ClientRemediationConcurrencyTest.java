package io.bridgehead.findings;

import static org.assertj.core.api.Assertions.assertThat;

import io.bridgehead.access.PortalRole;
import io.bridgehead.projects.ProjectStatus;
import io.bridgehead.shared.ConflictException;
import io.bridgehead.support.ActingAs;
import io.bridgehead.support.ActingAsPortalUser;
import io.bridgehead.support.ActingAsPortalUser.TestPortalUser;
import io.bridgehead.support.IntegrationTest;
import io.bridgehead.support.TestClients;
import io.bridgehead.support.TestWorkspaces;
import io.bridgehead.support.TestWorkspaces.TestWorkspace;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Status changes from both sides at the same moment, in real transactions on two threads: each is checked against the
 * status at the moment it runs (under the finding's row lock), so every move that succeeds is in the history in the
 * order it was made, each starting where the previous one ended, and a move that no longer fits is refused, not lost.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClientRemediationConcurrencyTest {

    private static final int ROUNDS = 8;

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
    Findings findings;

    TestWorkspace workspace;
    UUID project;
    TestPortalUser manager;
    TestPortalUser secondManager;
    ExecutorService threads;

    @BeforeAll
    void setUp() {
        workspace = testWorkspaces.create("Portal concurrency");
        UUID client = testClients.create(workspace, "Racing Client");
        testPortal.open(workspace, client);
        project = testClients.project(workspace, "Race", client, ProjectStatus.REMEDIATION);
        manager = ActingAsPortalUser.of(workspace, client, PortalRole.MANAGER);
        secondManager = ActingAsPortalUser.of(workspace, client, PortalRole.MANAGER);
        threads = Executors.newFixedThreadPool(2);
    }

    @AfterAll
    void tearDown() {
        threads.shutdownNow();
    }

    @Test
    void aClientReportAndAFirmVerdictAtOnceBothLandInOrderOrTheLateOneIsRefused() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            UUID finding = testFindings.create(workspace, project, "Race " + round, Severity.HIGH, null);
            CyclicBarrier start = new CyclicBarrier(2);

            Future<Throwable> client = threads.submit(() -> attempt(
                    start,
                    () -> ActingAsPortalUser.run(manager, () -> portal.markRemediated(finding, "Fixed in round"))));
            Future<Throwable> firm = threads.submit(() -> attempt(
                    start,
                    () -> ActingAs.run(
                            workspace,
                            workspace.admin(),
                            () -> findings.move(project, finding, FindingStatus.OPEN, "Not fixed yet"))));
            Throwable clientFailure = client.get(30, TimeUnit.SECONDS);
            Throwable firmFailure = firm.get(30, TimeUnit.SECONDS);

            // The client's report fits either way; the firm's "not fixed" fits only once the report is in.
            assertThat(clientFailure).as("client, round " + round).isNull();
            if (firmFailure != null) {
                assertThat(firmFailure).as("firm, round " + round).isInstanceOf(ConflictException.class);
            }
            List<FindingHistoryEntry> history = history(finding);
            assertThat(history).hasSize(firmFailure == null ? 3 : 2);
            assertInOrder(history);
            assertThat(testFindings.status(workspace, finding))
                    .isEqualTo(history.get(history.size() - 1).to())
                    .isEqualTo(firmFailure == null ? FindingStatus.OPEN : FindingStatus.PENDING_VERIFICATION);
        }
    }

    @Test
    void twoManagersReportingAtOnceMakeOneMoveAndOneRefusal() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            UUID finding = testFindings.create(workspace, project, "Double " + round, Severity.LOW, null);
            CyclicBarrier start = new CyclicBarrier(2);

            Future<Throwable> first = threads.submit(() -> attempt(
                    start, () -> ActingAsPortalUser.run(manager, () -> portal.markRemediated(finding, "First"))));
            Future<Throwable> second = threads.submit(() -> attempt(
                    start, () -> ActingAsPortalUser.run(secondManager, () -> portal.requestRetest(finding, "Second"))));
            List<Throwable> failures = Stream.of(first.get(30, TimeUnit.SECONDS), second.get(30, TimeUnit.SECONDS))
                    .filter(Objects::nonNull)
                    .toList();

            assertThat(failures).singleElement().isInstanceOf(ConflictException.class);
            List<FindingHistoryEntry> history = history(finding);
            assertThat(history).hasSize(2);
            assertInOrder(history);
        }
    }

    @Test
    void twoFirmMovesThatFitInEitherOrderBothLandInTheHistoryInOrder() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            UUID finding = testFindings.create(workspace, project, "Both " + round, Severity.MEDIUM, null);
            ActingAs.run(
                    workspace,
                    workspace.admin(),
                    () -> findings.move(project, finding, FindingStatus.ACCEPTED_RISK, "Accepted for now"));
            CyclicBarrier start = new CyclicBarrier(2);

            // From Accepted risk, Reopen then Close and Close then Reopen are both allowed: neither may be refused.
            Future<Throwable> reopen = threads.submit(() -> attempt(
                    start,
                    () -> ActingAs.run(
                            workspace,
                            workspace.admin(),
                            () -> findings.move(project, finding, FindingStatus.OPEN, "Reopened in round"))));
            Future<Throwable> close = threads.submit(() -> attempt(
                    start,
                    () -> ActingAs.run(
                            workspace,
                            workspace.admin(),
                            () -> findings.move(project, finding, FindingStatus.CLOSED, "Closed in round"))));

            assertThat(reopen.get(30, TimeUnit.SECONDS))
                    .as("reopen, round " + round)
                    .isNull();
            assertThat(close.get(30, TimeUnit.SECONDS))
                    .as("close, round " + round)
                    .isNull();
            List<FindingHistoryEntry> history = history(finding);
            assertThat(history).hasSize(4);
            assertInOrder(history);
            assertThat(history.subList(2, 4))
                    .extracting(FindingHistoryEntry::note)
                    .containsExactlyInAnyOrder("Reopened in round", "Closed in round");
            assertThat(testFindings.status(workspace, finding))
                    .isEqualTo(history.get(3).to());
        }
    }

    private List<FindingHistoryEntry> history(UUID finding) {
        return ActingAs.call(workspace, workspace.admin(), () -> findings.history(project, finding));
    }

    /** Each move starts from the status the one before it left. */
    private static void assertInOrder(List<FindingHistoryEntry> history) {
        assertThat(history.get(0).from()).isNull();
        for (int i = 1; i < history.size(); i++) {
            assertThat(history.get(i).from())
                    .as("move " + i)
                    .isEqualTo(history.get(i - 1).to());
            assertThat(history.get(i).occurredAt())
                    .isAfterOrEqualTo(history.get(i - 1).occurredAt());
        }
    }

    /** Runs the work once both threads are ready; returns what it threw, or null. */
    private static Throwable attempt(CyclicBarrier start, Runnable work) throws Exception {
        start.await(30, TimeUnit.SECONDS);
        try {
            work.run();
            return null;
        } catch (RuntimeException e) {
            return e;
        }
    }
}
