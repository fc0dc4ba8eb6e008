package io.bridgehead.clients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import io.bridgehead.support.IntegrationTest;
import io.bridgehead.support.SignIn;
import io.bridgehead.support.TestWorkspaces;
import io.bridgehead.support.TestWorkspaces.TestWorkspace;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClientPagesSmokeTest {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    TestWorkspaces testWorkspaces;

    TestWorkspace workspace;
    Cookie admin;

    @BeforeAll
    void setUp() {
        workspace = testWorkspaces.create("Client pages");
        admin = SignIn.as(mvc, workspace.admin());
    }

    @Test
    void everyClientPageRenders() {
        assertThat(mvc.get().uri("/clients").cookie(admin))
                .hasStatusOk()
                .bodyText()
                .contains("No clients yet");
        assertThat(mvc.get().uri("/clients/new").cookie(admin))
                .hasStatusOk()
                .bodyText()
                .contains("Create Client");
        MvcTestResult created = mvc.post()
                .uri("/clients/new")
                .cookie(admin)
                .with(csrf())
                .param("name", "Acme Corp")
                .param("contactEmail", "sec@acme.test")
                .param("industry", "FINANCE")
                .param("note", "Met at **conference**")
                .exchange();
        assertThat(created).hasStatus3xxRedirection();
        String url = created.getResponse().getRedirectedUrl();
        for (String tab : new String[] {
            "", "/projects", "/contacts", "/notes", "/settings", "/edit", "/archive", "/delete", "/logo/edit"
        }) {
            assertThat(mvc.get().uri(url + tab).cookie(admin))
                    .as(tab)
                    .hasStatusOk()
                    .bodyText()
                    .contains("Acme Corp");
        }
        assertThat(mvc.get().uri(url + "/notes").cookie(admin)).bodyText().contains("<strong>conference</strong>");
        assertThat(mvc.get().uri("/clients").cookie(admin))
                .hasStatusOk()
                .bodyText()
                .contains("Acme Corp");
        assertThat(mvc.get().uri("/clients?archived=true").cookie(admin))
                .hasStatusOk()
                .bodyText()
                .contains("No archived clients");
        assertThat(mvc.get().uri("/clients?q=acme").header("HX-Request", "true").cookie(admin))
                .hasStatusOk()
                .bodyText()
                .contains("Acme Corp")
                .doesNotContain("<html");
        assertThat(mvc.get().uri("/projects").cookie(admin)).hasStatusOk();
        assertThat(mvc.get().uri("/projects/new").cookie(admin)).hasStatusOk();
        assertThat(mvc.get().uri("/admin/plan").cookie(admin))
                .hasStatusOk()
                .bodyText()
                .contains("1</span> / <span>100");
    }
}
