package io.bridgehead.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.bridgehead.support.IntegrationTest;
import io.bridgehead.support.SignIn;
import io.bridgehead.support.TestWorkspaces;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** Static files under their own four paths, cached for the configured period; webjar links name their version. */
@IntegrationTest
class StaticResourcesTest {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    TestWorkspaces testWorkspaces;

    @Test
    void stylesScriptsAndImagesAreServedWithTheCachePeriod() {
        for (String path : new String[] {"/css/app.css", "/js/app.js", "/img/favicon.svg"}) {
            assertThat(mvc.get().uri(path))
                    .as(path)
                    .hasStatusOk()
                    .headers()
                    .hasValue("Cache-Control", "max-age=604800");
        }
    }

    @Test
    void pagesLinkTheWebjarByItsVersionSoAnUpgradeIsFetched() throws Exception {
        var admin = SignIn.as(mvc, testWorkspaces.create("Static resources").admin());
        String page = mvc.get().uri("/").cookie(admin).exchange().getResponse().getContentAsString();
        assertThat(page).containsPattern("src=\"/webjars/htmx\\.org/\\d+\\.\\d+\\.\\d+/dist/htmx\\.min\\.js\"");
        String versioned = page.replaceAll("(?s).*src=\"(/webjars/htmx\\.org/[^\"]+)\".*", "$1");
        assertThat(mvc.get().uri(versioned)).hasStatusOk().bodyText().contains("htmx");
    }
}
