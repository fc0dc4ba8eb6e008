package io.bridgehead.findings;

import io.bridgehead.projects.ProjectRole;
import io.bridgehead.projects.Projects;
import io.bridgehead.projects.TeamMemberForm;
import io.bridgehead.shared.tenant.ScopedTransactions;
import io.bridgehead.support.ActingAs;
import io.bridgehead.support.TestWorkspaces.TestUser;
import io.bridgehead.support.TestWorkspaces.TestWorkspace;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Findings made through the service as the workspace's Admin, and the few facts only SQL can set (past dates). */
@Component
class TestFindings {

    private final Findings findings;
    private final Projects projects;
    private final ScopedTransactions transactions;
    private final JdbcTemplate jdbc;

    TestFindings(Findings findings, Projects projects, ScopedTransactions transactions, JdbcTemplate jdbc) {
        this.findings = findings;
        this.projects = projects;
        this.transactions = transactions;
        this.jdbc = jdbc;
    }

    UUID create(TestWorkspace workspace, UUID projectId, String title, Severity severity, String cvss31Vector) {
        FindingForm form =
                new FindingForm(title, severity, cvss31Vector, null, null, "", "", "", "", "", "", null, List.of());
        return ActingAs.call(workspace, workspace.admin(), () -> findings.create(projectId, form));
    }

    void move(TestWorkspace workspace, UUID projectId, UUID findingId, FindingStatus to, String note) {
        ActingAs.run(workspace, workspace.admin(), () -> findings.move(projectId, findingId, to, note));
    }

    /** Sets the due date, past ones included, in the workspace's scope; null for none. */
    void due(TestWorkspace workspace, UUID findingId, LocalDate due) {
        transactions.writeAs(
                workspace.id(),
                () -> jdbc.update(
                        "update finding set due_date = ? where id = ?",
                        due == null ? null : Date.valueOf(due),
                        findingId));
    }

    void updatedAt(TestWorkspace workspace, UUID findingId, Instant at) {
        transactions.writeAs(
                workspace.id(),
                () -> jdbc.update("update finding set updated_at = ? where id = ?", Timestamp.from(at), findingId));
    }

    /** Adds {@code count} findings titled "<prefix> n" straight in SQL. */
    void many(TestWorkspace workspace, UUID projectId, String prefix, Severity severity, int count) {
        transactions.writeAs(
                workspace.id(),
                () -> jdbc.update(
                        "insert into finding (tenant_id, id, project_id, ref, title, severity, status, created_by,"
                                + " created_at, updated_at) select ?, gen_random_uuid(), ?, (select coalesce(max(ref), 0)"
                                + " from finding where project_id = ?) + g, ? || ' ' || g,"
                                + " ?, 'OPEN', ?, now(), now() from generate_series(1, ?) g",
                        workspace.id(),
                        projectId,
                        projectId,
                        prefix,
                        severity.name(),
                        workspace.admin().id(),
                        count));
    }

    FindingStatus status(TestWorkspace workspace, UUID findingId) {
        return transactions.readAs(
                workspace.id(),
                () -> FindingStatus.valueOf(
                        jdbc.queryForObject("select status from finding where id = ?", String.class, findingId)));
    }

    long historyRows(TestWorkspace workspace, UUID findingId) {
        return transactions.readAs(
                workspace.id(),
                () -> jdbc.queryForObject(
                        "select count(*) from finding_history where finding_id = ?", Long.class, findingId));
    }

    /** Puts the user on the project's team, as the Admin does. */
    void assign(TestWorkspace workspace, UUID projectId, TestUser user, ProjectRole role) {
        ActingAs.run(
                workspace, workspace.admin(), () -> projects.putOnTeam(projectId, new TeamMemberForm(user.id(), role)));
    }

    void archive(TestWorkspace workspace, UUID projectId) {
        ActingAs.run(workspace, workspace.admin(), () -> projects.archive(projectId));
    }
}
