package io.bridgehead.clients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import io.bridgehead.projects.ProjectStatus;
import io.bridgehead.shared.RuleViolation;
import io.bridgehead.support.ActingAs;
import io.bridgehead.support.Html;
import io.bridgehead.support.IntegrationTest;
import io.bridgehead.support.SignIn;
import io.bridgehead.support.TestClients;
import io.bridgehead.support.TestWorkspaces;
import io.bridgehead.support.TestWorkspaces.TestWorkspace;
import io.bridgehead.tenancy.Plan;
import jakarta.servlet.http.Cookie;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** The plan's client allowance (Starter: 3); each test has its own Starter workspace, since each counts clients. */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClientAllowanceTest {

    private static final String LIMIT_REACHED =
            "Client limit reached: the Starter plan allows 3 clients. Archive a client or change the plan.";

    @Autowired
    MockMvcTester mvc;

    @Autowired
    TestWorkspaces testWorkspaces;

    @Autowired
    TestClients testClients;

    @Autowired
    Clients clients;

    @Test
    void theFourthClientOnStarterIsRefusedNamingThePlanAndTheLimit() {
        TestWorkspace starter = testWorkspaces.create("Starter full", Plan.STARTER);
        Cookie admin = SignIn.as(mvc, starter.admin());
        for (String name : List.of("One", "Two", "Three")) {
            testClients.create(starter, name);
        }
        assertThat(mvc.get().uri("/clients/new").cookie(admin))
                .bodyText()
                .contains("3 of 3 clients used on the Starter plan.");

        MvcTestResult fourth = create(admin, "Four");

        assertThat(fourth).hasStatusOk();
        assertThat(Html.fieldError(Html.of(fourth), "name")).isEqualTo(LIMIT_REACHED);
        assertThat(Html.of(fourth)).contains("value=\"Four\"");
        assertThat(testClients.count(starter, "client")).isEqualTo(3);
    }

    @Test
    void archivingFreesAPlace_restoringBeyondTheLimitIsRefused() {
        TestWorkspace starter = testWorkspaces.create("Starter archive", Plan.STARTER);
        Cookie admin = SignIn.as(mvc, starter.admin());
        UUID first = testClients.create(starter, "Alpha");
        testClients.create(starter, "Beta");
        testClients.create(starter, "Gamma");

        testClients.archive(starter, first);
        MvcTestResult fourth = create(admin, "Delta");
        assertThat(fourth).hasStatus3xxRedirection();

        MvcTestResult restore = mvc.post()
                .uri("/clients/{id}/restore", first)
                .cookie(admin)
                .with(csrf())
                .exchange();

        assertThat(restore).hasRedirectedUrl("/clients?archived=true");
        assertThat(restore).flash().containsEntry("problem", LIMIT_REACHED);
        assertThat(testClients.count(starter, "client where id = ? and archived_at is not null", first))
                .isOne();
        assertThat(mvc.get().uri("/clients?archived=true").cookie(admin).flashAttr("problem", LIMIT_REACHED))
                .bodyText()
                .contains("<div class=\"alert error\" role=\"alert\">" + LIMIT_REACHED + "</div>")
                .contains("Alpha");
        assertThat(ActingAs.call(starter, starter.admin(), clients::allowance).used())
                .isEqualTo(3);
    }

    @Test
    void twoSimultaneousCreationsCannotBothTakeTheLastPlace() throws Exception {
        TestWorkspace starter = testWorkspaces.create("Starter race", Plan.STARTER);
        testClients.create(starter, "Existing one");
        testClients.create(starter, "Existing two");
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<UUID>> attempts = new ArrayList<>();
            for (String name : List.of("Racer A", "Racer B")) {
                attempts.add(pool.submit(() -> {
                    start.await();
                    return ActingAs.call(
                            starter, starter.admin(), () -> clients.create(TestClients.form(name), null, null));
                }));
            }
            start.countDown();

            int created = 0;
            List<Throwable> refusals = new ArrayList<>();
            for (Future<UUID> attempt : attempts) {
                try {
                    attempt.get(30, TimeUnit.SECONDS);
                    created++;
                } catch (java.util.concurrent.ExecutionException e) {
                    refusals.add(e.getCause());
                }
            }

            assertThat(created).isOne();
            assertThat(refusals).hasSize(1);
            assertThat(refusals.get(0)).isInstanceOf(RuleViolation.class).hasMessage(LIMIT_REACHED);
        } finally {
            pool.shutdownNow();
        }
        assertThat(ActingAs.call(starter, starter.admin(), clients::allowance).used())
                .isEqualTo(3);
        assertThat(testClients.count(starter, "client")).isEqualTo(3);
    }

    @Test
    void planPageShowsThePlanTheAllowanceUsedAndTheUnassignedProjects() {
        TestWorkspace starter = testWorkspaces.create("Starter plan page", Plan.STARTER);
        Cookie admin = SignIn.as(mvc, starter.admin());
        UUID client = testClients.create(starter, "Planned Client");
        UUID archived = testClients.create(starter, "Archived Client");
        testClients.archive(starter, archived);
        testClients.project(starter, "Loose project", null, ProjectStatus.REPORTING);
        testClients.project(starter, "Owned project", client, ProjectStatus.PLANNED);

        String page = Html.of(mvc.get().uri("/admin/plan").cookie(admin).exchange());

        assertThat(page)
                .contains("<p class=\"big\">Starter</p>")
                .contains("<span>1</span> / <span>3</span>")
                .contains("Loose project")
                .contains("Reporting")
                .doesNotContain("Owned project")
                .doesNotContain("Client limit reached");
    }

    private MvcTestResult create(Cookie admin, String name) {
        return mvc.post()
                .uri("/clients/new")
                .cookie(admin)
                .param("name", name)
                .param("contactEmail", "sec@" + name.toLowerCase(java.util.Locale.ROOT) + ".test")
                .with(csrf())
                .exchange();
    }
}
