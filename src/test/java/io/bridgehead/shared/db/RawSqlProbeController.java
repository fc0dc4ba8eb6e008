package io.bridgehead.shared.db;

import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Test only: raw SQL without any tenant condition, run inside an ordinary transaction of a signed-in request, as a
 * careless query in the application would be. Whatever it can see or change is what row-level security lets through.
 */
@RestController
@RequestMapping("/test/raw-sql")
class RawSqlProbeController {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;

    RawSqlProbeController(JdbcTemplate jdbc, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactionManager);
    }

    /** The distinct workspaces of all staff users visible, comma-separated. */
    @GetMapping("/staff-tenants")
    String staffTenants() {
        List<String> tenants = transaction.execute(
                status -> jdbc.queryForList("select distinct tenant_id::text from staff_user", String.class));
        return String.join(",", tenants);
    }

    @GetMapping("/workspaces")
    String workspaces() {
        List<String> ids =
                transaction.execute(status -> jdbc.queryForList("select id::text from workspace", String.class));
        return String.join(",", ids);
    }

    @GetMapping("/audit-count")
    long auditCount() {
        return transaction.execute(status -> jdbc.queryForObject("select count(*) from audit_entry", Long.class));
    }

    /** Renames every staff user of the given workspace; answers the number of rows changed. */
    @PostMapping("/rename")
    int rename(@RequestParam UUID tenant, @RequestParam String name) {
        return transaction.execute(
                status -> jdbc.update("update staff_user set full_name = ? where tenant_id = ?", name, tenant));
    }

    /** Inserts a staff user into the given workspace; answers "inserted" or the SQLState and message of the failure. */
    @PostMapping("/insert-user")
    String insertUser(@RequestParam UUID tenant, @RequestParam String email) {
        try {
            transaction.execute(status -> jdbc.update(
                    "insert into staff_user (tenant_id, id, email, full_name, password_hash, role, active,"
                            + " must_change_password, password_changed_at, created_at)"
                            + " values (?, ?, ?, 'Planted by probe', 'x', 'ADMIN', true, false, now(), now())",
                    tenant,
                    UUID.randomUUID(),
                    email));
            return "inserted";
        } catch (DataAccessException e) {
            Throwable cause = e.getMostSpecificCause();
            String state = cause instanceof SQLException sql ? sql.getSQLState() : "none";
            return state + " " + cause.getMessage();
        }
    }
}
