package io.bridgehead.shared.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import io.bridgehead.support.IntegrationTest;
import io.bridgehead.support.SignIn;
import io.bridgehead.support.TestWorkspaces;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

@IntegrationTest
class MarkdownPreviewTest {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    TestWorkspaces testWorkspaces;

    @Test
    void previewShowsSanitisedMarkdownToSignedInUsersOnly() {
        var session = SignIn.as(mvc, testWorkspaces.create("Preview").admin());

        assertThat(mvc.post()
                        .uri("/markdown/preview")
                        .cookie(session)
                        .with(csrf())
                        .param("description", "**bold** <script>alert(1)</script> [x](javascript:alert(1))"))
                .hasStatusOk()
                .bodyText()
                .contains("<strong>bold</strong>")
                .contains("&lt;script&gt;")
                .doesNotContain("<script>")
                .doesNotContain("javascript:");
        assertThat(mvc.post().uri("/markdown/preview").with(csrf()).param("description", "x"))
                .hasStatus3xxRedirection();
        assertThat(mvc.post().uri("/markdown/preview").cookie(session).param("description", "x"))
                .hasStatus(403);
    }
}
