package io.bridgehead.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class AccessTokenTest {

    @Test
    void carriesItsWorkspaceAndHashesStably() {
        UUID tenant = UUID.randomUUID();
        AccessToken token = AccessToken.issue(tenant);

        AccessToken parsed = AccessToken.parse(token.value()).orElseThrow();

        assertThat(parsed.tenantId()).isEqualTo(tenant);
        assertThat(parsed.hash()).isEqualTo(token.hash()).hasSize(64);
    }

    @Test
    void twoTokensForOneWorkspaceDiffer() {
        UUID tenant = UUID.randomUUID();
        assertThat(AccessToken.issue(tenant).value())
                .isNotEqualTo(AccessToken.issue(tenant).value());
    }

    @Test
    void refusesMalformedTokens() {
        assertThat(AccessToken.parse(null)).isEmpty();
        assertThat(AccessToken.parse("")).isEmpty();
        assertThat(AccessToken.parse("no-dot-here")).isEmpty();
        assertThat(AccessToken.parse("!!!.abc")).isEmpty();
        assertThat(AccessToken.parse("AAAAAAAAAAAAAAAAAAAAAA.short")).isEmpty();
        assertThat(AccessToken.parse("x".repeat(500))).isEmpty();
    }
}
