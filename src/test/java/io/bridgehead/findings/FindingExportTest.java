package io.bridgehead.findings;

import static org.assertj.core.api.Assertions.assertThat;

import io.bridgehead.access.PlatformRole;
import io.bridgehead.projects.ProjectStatus;
import io.bridgehead.support.IntegrationTest;
import io.bridgehead.support.SignIn;
import io.bridgehead.support.TestClients;
import io.bridgehead.support.TestWorkspaces;
import io.bridgehead.support.TestWorkspaces.TestWorkspace;
import jakarta.servlet.http.Cookie;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** The CSV export of a findings list: the current filter, RFC 4180 quoting, formula cells neutralised. */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FindingExportTest {

    static final String HEADER = "Project,Client,Id,Title,Severity,CVSS 3.1,Status,Due date,Overdue,Updated";

    @Autowired
    MockMvcTester mvc;

    @Autowired
    TestWorkspaces testWorkspaces;

    @Autowired
    TestClients testClients;

    @Autowired
    TestFindings testFindings;

    @Autowired
    FindingListQuery list;

    @Autowired
    io.bridgehead.shared.tenant.ScopedTransactions transactions;

    TestWorkspace workspace;
    Cookie admin;
    UUID project;
    UUID quiet;

    @BeforeAll
    void setUp() {
        workspace = testWorkspaces.create("Finding export");
        admin = SignIn.as(mvc, workspace.admin());
        UUID client = testClients.create(workspace, "Acme, \"Inc\"");
        project = testClients.project(workspace, "Web app", client, ProjectStatus.IN_PROGRESS);
        quiet = testClients.project(workspace, "Quiet", null, ProjectStatus.IN_PROGRESS);
        UUID evil = testFindings.create(
                workspace,
                project,
                "=HYPERLINK(\"http://evil\")",
                Severity.HIGH,
                "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:N"); // 9.1, rated High by the analyst
        testFindings.due(workspace, evil, LocalDate.now(ZoneOffset.UTC).minusDays(2));
        testFindings.create(workspace, project, "+1 plus", Severity.HIGH, null);
        testFindings.create(workspace, project, "-1 minus", Severity.HIGH, null);
        testFindings.create(workspace, project, "@SUM(A1)", Severity.HIGH, null);
        testFindings.create(workspace, project, "Cookies, tokens and \"secrets\"\nin logs", Severity.HIGH, null);
        testFindings.create(workspace, project, "Low and plain", Severity.LOW, null);
        testFindings.create(workspace, quiet, "Unassigned project finding", Severity.HIGH, null);
    }

    @Test
    void theExportIsAnAttachmentWithTheHeaderAndTheRowsOfTheFilter() throws Exception {
        MvcTestResult export = mvc.get()
                .uri("/findings/export.csv?projectId=" + project + "&severity=HIGH&sort=SEVERITY")
                .cookie(admin)
                .exchange();

        assertThat(export).hasStatusOk();
        assertThat(export.getResponse().getContentType()).isEqualTo("text/csv;charset=UTF-8");
        assertThat(export.getResponse().getHeader("Content-Disposition"))
                .startsWith("attachment")
                .contains(".csv");
        String csv = export.getResponse().getContentAsString();
        assertThat(csv).startsWith(HEADER + "\r\n");
        assertThat(csv)
                .contains("\"'=HYPERLINK(\"\"http://evil\"\")\"")
                .contains("'+1 plus")
                .contains("'-1 minus")
                .contains("'@SUM(A1)")
                .contains("\"Cookies, tokens and \"\"secrets\"\"\nin logs\"")
                .contains("\"Acme, \"\"Inc\"\"\"")
                .doesNotContain("Low and plain")
                .doesNotContain("Unassigned project finding");
        assertThat(csv).doesNotContain(",=HYPERLINK").doesNotContain(",+1 plus");
        // the header plus five rows; one title spans two lines inside its quotes
        assertThat(csv.split("\r\n", -1)).hasSize(7);
        assertThat(csv)
                .contains("Web app,\"Acme, \"\"Inc\"\"\",F-1,\"'=HYPERLINK(\"\"http://evil\"\")\",High,9.1,Open,"
                        + LocalDate.now(ZoneOffset.UTC).minusDays(2) + ",Yes,");
    }

    @Test
    void theExportFollowsTheOverdueFilterAndSort() throws Exception {
        String overdue = csv("/findings/export.csv?overdue=true");
        assertThat(overdue.split("\r\n", -1)).hasSize(3);
        assertThat(overdue).contains("HYPERLINK").doesNotContain("plus");

        String byCvss = csv("/findings/export.csv?q=l&sort=CVSS");
        assertThat(byCvss.indexOf("HYPERLINK")).isLessThan(byCvss.indexOf("Low and plain"));
    }

    @Test
    void aViewerExportsOnlyWhatTheyMaySee() throws Exception {
        Cookie viewer = SignIn.as(mvc, testWorkspaces.addUser(workspace, PlatformRole.VIEWER));

        MvcTestResult export =
                mvc.get().uri("/findings/export.csv").cookie(viewer).exchange();
        assertThat(export).hasStatusOk();
        assertThat(export.getResponse().getContentAsString()).isEqualTo(HEADER + "\r\n");
        assertThat(mvc.get().uri("/findings/export.csv?projectId=" + project).cookie(viewer))
                .hasStatus(404);
    }

    @Test
    void anotherWorkspaceExportsNothingOfThisOne() throws Exception {
        Cookie outsider =
                SignIn.as(mvc, testWorkspaces.create("Export outsider").admin());

        assertThat(mvc.get()
                        .uri("/findings/export.csv")
                        .cookie(outsider)
                        .exchange()
                        .getResponse()
                        .getContentAsString())
                .isEqualTo(HEADER + "\r\n");
        assertThat(mvc.get().uri("/findings/export.csv?projectId=" + project).cookie(outsider))
                .hasStatus(404);
    }

    @Test
    void aLongListStopsAtTheCapAndSaysSo() {
        java.util.List<String> titles = new java.util.ArrayList<>();
        boolean truncated = transactions.readAs(
                workspace.id(),
                () -> list.each(
                        workspace.id(),
                        new FindingQuery(null, Severity.HIGH, null, null, project, false, null, 0),
                        java.util.Optional.empty(),
                        LocalDate.now(ZoneOffset.UTC),
                        2,
                        f -> titles.add(f.title())));

        assertThat(truncated).isTrue();
        assertThat(titles).hasSize(2);
        java.io.StringWriter out = new java.io.StringWriter();
        new FindingCsv(out).note("Export stopped at 2 rows: narrow the filters to export the rest.");
        assertThat(out.toString()).isEqualTo("Export stopped at 2 rows: narrow the filters to export the rest.\r\n");
    }

    private String csv(String url) throws Exception {
        return mvc.get().uri(url).cookie(admin).exchange().getResponse().getContentAsString();
    }
}
