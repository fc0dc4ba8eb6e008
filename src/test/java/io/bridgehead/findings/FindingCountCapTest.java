package io.bridgehead.findings;

import static org.assertj.core.api.Assertions.assertThat;

import io.bridgehead.projects.ProjectStatus;
import io.bridgehead.shared.tenant.ScopedTransactions;
import io.bridgehead.support.IntegrationTest;
import io.bridgehead.support.SignIn;
import io.bridgehead.support.TestClients;
import io.bridgehead.support.TestWorkspaces;
import io.bridgehead.support.TestWorkspaces.TestWorkspace;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

@IntegrationTest
class FindingCountCapTest {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    TestWorkspaces testWorkspaces;

    @Autowired
    TestClients testClients;

    @Autowired
    ScopedTransactions transactions;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aVeryLongListSaysMoreThanTenThousandInsteadOfCountingThemAll() {
        TestWorkspace workspace = testWorkspaces.create("Many findings");
        UUID project = testClients.project(workspace, "Huge scan", null, ProjectStatus.IN_PROGRESS);
        transactions.writeAs(
                workspace.id(),
                () -> jdbc.update(
                        "insert into finding (tenant_id, id, project_id, ref, title, severity, status, created_by, created_at,"
                                + " updated_at) select ?, gen_random_uuid(), ?, g, 'Scanner item ' || g, 'LOW', 'OPEN', ?, now(),"
                                + " now() from generate_series(1, 10001) g",
                        workspace.id(),
                        project,
                        workspace.admin().id()));
        var admin = SignIn.as(mvc, workspace.admin());

        assertThat(mvc.get().uri("/findings").cookie(admin))
                .hasStatusOk()
                .bodyText()
                .contains("More than 10,000 findings")
                .contains("Page 1")
                .doesNotContain("Page 1 of");
    }
}
