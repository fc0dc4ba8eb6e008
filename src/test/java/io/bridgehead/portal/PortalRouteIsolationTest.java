package io.bridgehead.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import io.bridgehead.access.PortalRole;
import io.bridgehead.findings.FindingForm;
import io.bridgehead.findings.Findings;
import io.bridgehead.findings.Severity;
import io.bridgehead.projects.ProjectStatus;
import io.bridgehead.reports.GenerateReportCmd;
import io.bridgehead.reports.RenderQueue;
import io.bridgehead.reports.Reports;
import io.bridgehead.shared.tenant.ScopedTransactions;
import io.bridgehead.support.ActingAs;
import io.bridgehead.support.IntegrationTest;
import io.bridgehead.support.Routes;
import io.bridgehead.support.TestClients;
import io.bridgehead.support.TestPortal;
import io.bridgehead.support.TestPortal.PortalUser;
import io.bridgehead.support.TestWorkspaces;
import io.bridgehead.support.TestWorkspaces.TestWorkspace;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every portal route that takes an id, found from the application's own handler mappings, called by a client Manager
 * with the ids of another client of the same workspace and of another workspace: each answers 404 and changes nothing.
 * A new portal route with an id is covered without editing this test; one with an unknown id name fails it.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PortalRouteIsolationTest {

    private static final Set<String> ID_VARIABLES =
            Set.of("projectId", "findingId", "userId", "evidenceId", "versionId", "id");
    /** Link tokens carry their own workspace; their routes are attacked in PortalSignInTest. */
    private static final Set<String> TOKEN_VARIABLES = Set.of("token");

    @Autowired
    MockMvcTester mvc;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Autowired
    TestWorkspaces testWorkspaces;

    @Autowired
    TestClients testClients;

    @Autowired
    TestPortal testPortal;

    @Autowired
    Findings findings;

    @Autowired
    ScopedTransactions transactions;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Reports reports;

    @Autowired
    RenderQueue renderQueue;

    TestWorkspace workspace;
    PortalUser manager;
    Map<String, UUID> otherClient;
    Map<String, UUID> otherWorkspace;

    @BeforeAll
    void setUp() {
        workspace = testWorkspaces.create("Portal routes");
        UUID own = testClients.create(workspace, "Own Client");
        testClients.project(workspace, "Own project", own, ProjectStatus.IN_PROGRESS);
        manager = testPortal.join(mvc, workspace, own, PortalRole.MANAGER);
        otherClient = foreignIds(workspace, "Other client of the workspace");
        otherWorkspace = foreignIds(testWorkspaces.create("Portal routes elsewhere"), "Client elsewhere");
    }

    @Test
    void everyPortalRouteWithAnIdAnswersNotFoundForAnotherClientsAndAnotherWorkspacesIds() {
        List<String> unexpected = new ArrayList<>();
        int calls = 0;
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            for (String pattern : info.getPatternValues()) {
                if (!pattern.startsWith("/portal/{slug}/") || !hasIdVariable(pattern)) {
                    continue;
                }
                assertThat(variablesOf(pattern))
                        .as("ids this test knows how to fill in " + pattern)
                        .allMatch(v -> v.equals("slug") || ID_VARIABLES.contains(v) || TOKEN_VARIABLES.contains(v));
                if (variablesOf(pattern).stream().anyMatch(TOKEN_VARIABLES::contains)) {
                    continue;
                }
                for (String concrete : Routes.alternatives(pattern)) {
                    for (RequestMethod method : methodsOf(info)) {
                        for (Map<String, UUID> foreign : List.of(otherClient, otherWorkspace)) {
                            String uri = fill(concrete, foreign);
                            MvcTestResult result = call(method, uri);
                            calls++;
                            if (result.getResponse().getStatus() != 404) {
                                unexpected.add(method + " " + uri + " → "
                                        + result.getResponse().getStatus());
                            }
                        }
                    }
                }
            }
        }
        assertThat(unexpected).isEmpty();
        assertThat(calls).as("portal routes with ids exercised").isGreaterThanOrEqualTo(20);
        assertThat(testClients.value(
                        workspace,
                        String.class,
                        "select status from finding where id = ?",
                        otherClient.get("findingId")))
                .isEqualTo("OPEN");
        assertThat(testClients.value(
                        workspace,
                        String.class,
                        "select status from portal_user where id = ?",
                        otherClient.get("userId")))
                .isEqualTo("ACTIVE");
        assertThat(testClients.value(
                        workspace,
                        Boolean.class,
                        "select status = 'DONE' and released_at is not null from report_version where id = ?",
                        otherClient.get("versionId")))
                .as("the foreign report really is released, so only isolation hides it")
                .isTrue();
    }

    private MvcTestResult call(RequestMethod method, String uri) {
        if (method == RequestMethod.POST) {
            return mvc.post()
                    .uri(uri)
                    .param("note", "Not yours")
                    .param("body", "Not yours")
                    .param("email", "someone@else.test")
                    .param("fullName", "Someone")
                    .param("role", "MANAGER")
                    .cookie(manager.session())
                    .with(csrf())
                    .exchange();
        }
        return mvc.get().uri(uri).cookie(manager.session()).exchange();
    }

    /** A client with a visible project, a finding, a portal user and a notification of that user. */
    private Map<String, UUID> foreignIds(TestWorkspace where, String clientName) {
        UUID client = testClients.create(where, clientName);
        UUID project = testClients.project(where, clientName + " project", client, ProjectStatus.IN_PROGRESS);
        UUID finding = ActingAs.call(
                where,
                where.admin(),
                () -> findings.create(
                        project,
                        new FindingForm(
                                "Foreign finding",
                                Severity.HIGH,
                                null,
                                null,
                                null,
                                "",
                                "",
                                "",
                                "",
                                "",
                                "",
                                null,
                                List.of())));
        PortalUser user = testPortal.join(mvc, where, client, PortalRole.MANAGER);
        UUID notification = UUID.randomUUID();
        transactions.writeAs(
                where.id(),
                () -> jdbc.update(
                        "insert into notification (tenant_id, id, recipient_id, kind, title, link, created_at)"
                                + " values (?, ?, ?, 'TEST', 'Foreign', '/', ?)",
                        where.id(),
                        notification,
                        user.id(),
                        Timestamp.from(Instant.now())));
        return Map.of(
                "projectId",
                project,
                "findingId",
                finding,
                "userId",
                user.id(),
                "evidenceId",
                UUID.randomUUID(),
                "versionId",
                releasedReport(where, project),
                "id",
                notification);
    }

    /** A report version released to the foreign client: downloadable by its own people, by nobody else. */
    private UUID releasedReport(TestWorkspace where, UUID project) {
        UUID version = ActingAs.call(
                where,
                where.admin(),
                () -> reports.generate(
                        project,
                        new GenerateReportCmd("default", "Foreign report", "1.0", "Confidential", "", "", "")));
        renderQueue.drain();
        ActingAs.run(where, where.admin(), () -> reports.release(project, version));
        return version;
    }

    private String fill(String pattern, Map<String, UUID> ids) {
        String uri = pattern.replace("{slug}", workspace.slug());
        for (Map.Entry<String, UUID> id : ids.entrySet()) {
            uri = uri.replace("{" + id.getKey() + "}", id.getValue().toString());
        }
        return uri;
    }

    private static boolean hasIdVariable(String pattern) {
        return variablesOf(pattern).stream().anyMatch(v -> !v.equals("slug"));
    }

    private static List<String> variablesOf(String pattern) {
        return java.util.regex.Pattern.compile("\\{([^}:]+)(:[^}]*)?}")
                .matcher(pattern)
                .results()
                .filter(m -> m.group(2) == null)
                .map(m -> m.group(1))
                .toList();
    }

    private static Set<RequestMethod> methodsOf(RequestMappingInfo info) {
        Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
        return methods.isEmpty() ? Set.of(RequestMethod.GET) : methods;
    }
}
