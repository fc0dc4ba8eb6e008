package io.bridgehead.findings;

import static org.assertj.core.api.Assertions.assertThat;

import io.bridgehead.access.PortalRole;
import io.bridgehead.findings.ClientDashboardFigures.ProjectProgress;
import io.bridgehead.findings.ClientDashboardFigures.SeverityCount;
import io.bridgehead.findings.ClientDashboardFigures.WeekPoint;
import io.bridgehead.projects.ProjectStatus;
import io.bridgehead.shared.tenant.ScopedTransactions;
import io.bridgehead.support.ActingAsPortalUser;
import io.bridgehead.support.ActingAsPortalUser.TestPortalUser;
import io.bridgehead.support.IntegrationTest;
import io.bridgehead.support.TestClients;
import io.bridgehead.support.TestWorkspaces;
import io.bridgehead.support.TestWorkspaces.TestWorkspace;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The portal dashboard's figures: what counts, what does not, and how they move with the remediation loop. */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClientDashboardTest {

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
    ScopedTransactions transactions;

    @Autowired
    JdbcTemplate jdbc;

    TestWorkspace workspace;

    @BeforeAll
    void setUp() {
        workspace = testWorkspaces.create("Portal dashboard");
    }

    @Test
    void figuresCountOnlyVisibleUnarchivedProjectsAndMoveWithTheLoop() {
        UUID client = testClients.create(workspace, "Figures Client");
        testPortal.open(workspace, client);
        TestPortalUser manager = ActingAsPortalUser.of(workspace, client, PortalRole.MANAGER);
        UUID remediation = testClients.project(workspace, "Remediation", client, ProjectStatus.REMEDIATION);
        UUID critical1 = finding(remediation, "Critical one", Severity.CRITICAL);
        finding(remediation, "Critical two", Severity.CRITICAL);
        UUID high = finding(remediation, "High", Severity.HIGH);
        finding(remediation, "Informational", Severity.INFORMATIONAL);
        UUID accepted = finding(remediation, "Accepted", Severity.MEDIUM);
        testFindings.move(workspace, remediation, accepted, FindingStatus.ACCEPTED_RISK, "Internal tool");
        UUID completed = testClients.project(workspace, "Completed", client, ProjectStatus.COMPLETED);
        UUID low = finding(completed, "Low", Severity.LOW);
        testFindings.move(workspace, completed, low, FindingStatus.CLOSED, null);
        UUID archived = testClients.project(workspace, "Archived", client, ProjectStatus.REMEDIATION);
        finding(archived, "Archived high", Severity.HIGH);
        testFindings.archive(workspace, archived);
        UUID hidden = testClients.project(workspace, "Hidden", client, ProjectStatus.IN_PROGRESS);
        finding(hidden, "Hidden critical", Severity.CRITICAL);
        testPortal.hide(workspace, hidden);
        UUID empty = testClients.project(workspace, "Empty", client, ProjectStatus.PLANNED);

        ClientDashboardFigures before = ActingAsPortalUser.call(manager, portal::dashboard);

        assertThat(before.activeProjects()).isEqualTo(2); // Remediation and Empty
        assertThat(before.openBySeverity())
                .extracting(SeverityCount::severity, SeverityCount::count)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(Severity.CRITICAL, 2L),
                        org.assertj.core.groups.Tuple.tuple(Severity.HIGH, 1L),
                        org.assertj.core.groups.Tuple.tuple(Severity.MEDIUM, 0L),
                        org.assertj.core.groups.Tuple.tuple(Severity.LOW, 0L),
                        org.assertj.core.groups.Tuple.tuple(Severity.INFORMATIONAL, 1L));
        assertThat(before.openTotal()).isEqualTo(4);
        assertThat(before.progress())
                .extracting(ProjectProgress::projectId)
                .containsExactly(empty, completed, remediation);
        assertThat(progressOf(before, remediation)).isEqualTo(new ProjectProgress(remediation, "Remediation", 3, 0, 0));
        assertThat(progressOf(before, completed)).isEqualTo(new ProjectProgress(completed, "Completed", 1, 1, 100));
        assertThat(progressOf(before, empty).hasFindings()).isFalse();
        assertThat(now(before)).isEqualTo(new long[] {3, 1});

        ActingAsPortalUser.run(manager, () -> portal.markRemediated(critical1, "Fixed"));
        ClientDashboardFigures reported = ActingAsPortalUser.call(manager, portal::dashboard);
        assertThat(reported.openTotal()).isEqualTo(4); // pending verification is still open
        assertThat(progressOf(reported, remediation).percent()).isZero();

        testFindings.move(workspace, remediation, critical1, FindingStatus.VERIFIED_FIXED, null);
        ClientDashboardFigures verified = ActingAsPortalUser.call(manager, portal::dashboard);
        assertThat(verified.openBySeverity().get(0)).isEqualTo(new SeverityCount(Severity.CRITICAL, 1));
        assertThat(progressOf(verified, remediation))
                .isEqualTo(new ProjectProgress(remediation, "Remediation", 3, 1, 33));
        assertThat(now(verified)).isEqualTo(new long[] {2, 2});

        ActingAsPortalUser.run(manager, () -> portal.requestRetest(high, "Please"));
        testFindings.move(workspace, remediation, high, FindingStatus.PARTIALLY_FIXED, "Half done");
        assertThat(progressOf(ActingAsPortalUser.call(manager, portal::dashboard), remediation)
                        .percent())
                .isEqualTo(33);
    }

    @Test
    void theTrendReplaysTheHistoryWeekByWeek() {
        UUID client = testClients.create(workspace, "Trend Client");
        testPortal.open(workspace, client);
        TestPortalUser viewer = ActingAsPortalUser.of(workspace, client, PortalRole.VIEWER);
        UUID project = testClients.project(workspace, "Trend", client, ProjectStatus.REMEDIATION);
        LocalDate monday = LocalDate.now(ZoneOffset.UTC).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        // Created on a Thursday five weeks ago, reported fixed three weeks ago, verified two weeks ago.
        past(
                project,
                Severity.HIGH,
                List.of(
                        new Object[] {null, "OPEN", thursday(monday, 5)},
                        new Object[] {"OPEN", "PENDING_VERIFICATION", thursday(monday, 3)},
                        new Object[] {"PENDING_VERIFICATION", "VERIFIED_FIXED", thursday(monday, 2)}));
        // An informational finding is never in the trend.
        past(project, Severity.INFORMATIONAL, List.<Object[]>of(new Object[] {null, "OPEN", thursday(monday, 4)}));
        finding(project, "New this week", Severity.MEDIUM);

        List<WeekPoint> trend =
                ActingAsPortalUser.call(viewer, portal::dashboard).trend();

        assertThat(trend).hasSize(ClientFacingFindings.TREND_WEEKS);
        assertThat(trend.get(11).weekEnding()).isEqualTo(monday.plusDays(6));
        assertThat(trend.get(0).weekEnding()).isEqualTo(monday.minusWeeks(11).plusDays(6));
        for (int i = 0; i <= 5; i++) {
            assertThat(trend.get(i)).as("week " + i).isEqualTo(point(trend.get(i), 0, 0));
        }
        for (int i = 6; i <= 8; i++) {
            assertThat(trend.get(i)).as("week " + i).isEqualTo(point(trend.get(i), 1, 0));
        }
        assertThat(trend.get(9)).isEqualTo(point(trend.get(9), 0, 1));
        assertThat(trend.get(10)).isEqualTo(point(trend.get(10), 0, 1));
        assertThat(trend.get(11)).isEqualTo(point(trend.get(11), 1, 1));
    }

    @Test
    void aClientWithoutProjectsGetsZeroesNotErrors() {
        UUID client = testClients.create(workspace, "Empty Client");
        testPortal.open(workspace, client);
        TestPortalUser viewer = ActingAsPortalUser.of(workspace, client, PortalRole.VIEWER);

        ClientDashboardFigures figures = ActingAsPortalUser.call(viewer, portal::dashboard);

        assertThat(figures.activeProjects()).isZero();
        assertThat(figures.openTotal()).isZero();
        assertThat(figures.progress()).isEmpty();
        assertThat(figures.trend()).hasSize(12).allSatisfy(p -> {
            assertThat(p.open()).isZero();
            assertThat(p.fixed()).isZero();
        });
    }

    private UUID finding(UUID project, String title, Severity severity) {
        return testFindings.create(workspace, project, title, severity, null);
    }

    /** A finding whose history happened in the past, written straight in SQL (the services only know "now"). */
    private void past(UUID project, Severity severity, List<Object[]> moves) {
        UUID id = UUID.randomUUID();
        Object[] lastMove = moves.get(moves.size() - 1);
        transactions.writeAs(workspace.id(), () -> {
            jdbc.update(
                    "insert into finding (tenant_id, id, project_id, ref, title, severity, status, created_by,"
                            + " created_at, updated_at) values (?, ?, ?, (select coalesce(max(ref), 0) + 1 from finding"
                            + " where project_id = ?), 'From the past', ?, ?, ?, ?, ?)",
                    workspace.id(),
                    id,
                    project,
                    project,
                    severity.name(),
                    lastMove[1],
                    workspace.admin().id(),
                    moves.get(0)[2],
                    lastMove[2]);
            for (Object[] move : moves) {
                jdbc.update(
                        "insert into finding_history (tenant_id, id, finding_id, actor_id, actor_name, from_status,"
                                + " to_status, note, occurred_at) values (?, ?, ?, ?, 'Test Admin', ?, ?, '', ?)",
                        workspace.id(),
                        UUID.randomUUID(),
                        id,
                        workspace.admin().id(),
                        move[0],
                        move[1],
                        move[2]);
            }
            return null;
        });
    }

    private static Timestamp thursday(LocalDate monday, int weeksAgo) {
        return Timestamp.from(
                monday.minusWeeks(weeksAgo).plusDays(3).atTime(12, 0).toInstant(ZoneOffset.UTC));
    }

    private static WeekPoint point(WeekPoint at, long open, long fixed) {
        return new WeekPoint(at.weekEnding(), open, fixed);
    }

    private static ProjectProgress progressOf(ClientDashboardFigures figures, UUID project) {
        return figures.progress().stream()
                .filter(p -> p.projectId().equals(project))
                .findFirst()
                .orElseThrow();
    }

    /** The trend's current point, {open, fixed}; it agrees with the progress totals. */
    private static long[] now(ClientDashboardFigures figures) {
        WeekPoint current = figures.trend().get(figures.trend().size() - 1);
        long total =
                figures.progress().stream().mapToLong(ProjectProgress::total).sum();
        assertThat(current.open() + current.fixed()).isEqualTo(total);
        return new long[] {current.open(), current.fixed()};
    }
}
