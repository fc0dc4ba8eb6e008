package io.bridgehead.shared.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import io.bridgehead.shared.tenant.ScopedTransactions;
import io.bridgehead.shared.tenant.TenantContext;
import io.bridgehead.support.IntegrationTest;
import io.bridgehead.support.SignIn;
import io.bridgehead.support.TestWorkspaces;
import io.bridgehead.support.TestWorkspaces.TestWorkspace;
import jakarta.servlet.http.Cookie;
import java.sql.SQLException;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The isolation claim: even SQL that forgets the tenant condition, run by the application, sees and changes only the
 * signed-in user's workspace, because PostgreSQL's row-level security binds the application's database role.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RowLevelSecurityTest {

    private static final String PERMISSION_DENIED = "42501";

    @Autowired
    MockMvcTester mvc;

    @Autowired
    TestWorkspaces testWorkspaces;

    @Autowired
    ScopedTransactions transactions;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PlatformTransactionManager transactionManager;

    TestWorkspace a;
    TestWorkspace b;
    Cookie adminOfA;
    Cookie adminOfB;

    @BeforeAll
    void createWorkspaces() {
        a = testWorkspaces.create("Tenant A");
        b = testWorkspaces.create("Tenant B");
        adminOfA = SignIn.as(mvc, a.admin());
        adminOfB = SignIn.as(mvc, b.admin());
    }

    @Test
    void rawSelectsWithoutATenantConditionSeeOnlyTheSignedInWorkspace() {
        assertThat(mvc.get().uri("/test/raw-sql/staff-tenants").cookie(adminOfA))
                .hasStatusOk()
                .bodyText()
                .isEqualTo(a.id().toString());
        assertThat(mvc.get().uri("/test/raw-sql/staff-tenants").cookie(adminOfB))
                .bodyText()
                .isEqualTo(b.id().toString());
        assertThat(mvc.get().uri("/test/raw-sql/workspaces").cookie(adminOfA))
                .bodyText()
                .isEqualTo(a.id().toString());

        long auditOfA = countAs(a.id(), "audit_entry");
        assertThat(countAs(b.id(), "audit_entry")).isPositive();
        assertThat(mvc.get().uri("/test/raw-sql/audit-count").cookie(adminOfA))
                .bodyText()
                .isEqualTo(Long.toString(auditOfA));
    }

    @Test
    void rawUpdateCannotChangeAnotherWorkspacesRows() {
        assertThat(mvc.post()
                        .uri("/test/raw-sql/rename")
                        .cookie(adminOfA)
                        .param("tenant", b.id().toString())
                        .param("name", "Renamed from A")
                        .with(csrf()))
                .hasStatusOk()
                .bodyText()
                .isEqualTo("0");

        assertThat(transactions.readAs(
                        b.id(),
                        () -> jdbc.queryForList(
                                "select full_name from staff_user where tenant_id = ?", String.class, b.id())))
                .containsExactly("Test Admin");

        // The same statement does change rows of the signed-in workspace, so the 0 above is the policy at work.
        TestWorkspace control = testWorkspaces.create("Tenant A control");
        Cookie adminOfControl = SignIn.as(mvc, control.admin());
        assertThat(mvc.post()
                        .uri("/test/raw-sql/rename")
                        .cookie(adminOfControl)
                        .param("tenant", control.id().toString())
                        .param("name", "Renamed at home")
                        .with(csrf()))
                .bodyText()
                .isEqualTo("1");
    }

    @Test
    void rawInsertIntoAnotherWorkspaceIsRejectedByThePolicy() {
        String planted = "planted-" + UUID.randomUUID().toString().substring(0, 8) + "@test.local";

        assertThat(mvc.post()
                        .uri("/test/raw-sql/insert-user")
                        .cookie(adminOfA)
                        .param("tenant", b.id().toString())
                        .param("email", planted)
                        .with(csrf()))
                .hasStatusOk()
                .bodyText()
                .startsWith(PERMISSION_DENIED)
                .contains("row-level security");

        assertThat(transactions.readAsSystem(() ->
                        jdbc.queryForObject("select count(*) from staff_user where email = ?", Integer.class, planted)))
                .isZero();
        assertThat(mvc.post()
                        .uri("/test/raw-sql/insert-user")
                        .cookie(adminOfA)
                        .param("tenant", a.id().toString())
                        .param("email", "home-" + planted)
                        .with(csrf()))
                .bodyText()
                .isEqualTo("inserted");
    }

    @Test
    void withoutAWorkspaceTheApplicationSeesNoRows() {
        assertThat(countAs(a.id(), "staff_user")).isPositive();

        TenantContext.clear();
        TransactionTemplate noTenant = new TransactionTemplate(transactionManager);
        for (String table :
                new String[] {"staff_user", "workspace", "audit_entry", "mail_outbox", "staff_invitation"}) {
            String count = "select count(*) from " + table;
            Long inTransaction = noTenant.execute(status -> jdbc.queryForObject(count, Long.class));
            assertThat(inTransaction)
                    .as("%s in a transaction without workspace", table)
                    .isZero();
            assertThat(jdbc.queryForObject(count, Long.class))
                    .as("%s outside any transaction", table)
                    .isZero();
        }
    }

    @Test
    void applicationRoleCanNeitherBypassSecurityNorRewriteTheAuditLog() {
        assertThat(jdbc.queryForObject("select current_user", String.class)).isEqualTo("bridgehead_app");
        assertThat(jdbc.queryForObject(
                        "select rolsuper or rolbypassrls from pg_roles where rolname = current_user", Boolean.class))
                .isFalse();
        assertThat(jdbc.queryForObject(
                        "select count(*) from pg_tables where schemaname = 'public' and tableowner = current_user",
                        Integer.class))
                .isZero();
        assertThat(countAs(a.id(), "audit_entry")).isPositive();

        assertThat(sqlStateAs(a.id(), "update audit_entry set details = 'rewritten'"))
                .isEqualTo(PERMISSION_DENIED);
        assertThat(sqlStateAs(a.id(), "delete from audit_entry")).isEqualTo(PERMISSION_DENIED);
        assertThat(sqlStateAs(a.id(), "truncate audit_entry")).isEqualTo(PERMISSION_DENIED);
        assertThat(sqlStateAs(a.id(), "alter table staff_user no force row level security"))
                .isEqualTo(PERMISSION_DENIED);
        assertThat(sqlStateAs(a.id(), "alter table audit_entry disable row level security"))
                .isEqualTo(PERMISSION_DENIED);
    }

    private long countAs(UUID tenant, String table) {
        return transactions.readAs(tenant, () -> jdbc.queryForObject("select count(*) from " + table, Long.class));
    }

    private String sqlStateAs(UUID tenant, String sql) {
        try {
            transactions.writeAs(tenant, () -> {
                jdbc.execute(sql);
                return null;
            });
            return "succeeded";
        } catch (DataAccessException e) {
            return e.getMostSpecificCause() instanceof SQLException cause ? cause.getSQLState() : e.toString();
        }
    }
}
