package io.bridgehead.projects;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AssetKindTest {

    @Test
    void acceptsHostsAddressesRangesAndUrls() {
        assertThat(AssetKind.HOST.problemWith("app.example.com")).isEmpty();
        assertThat(AssetKind.HOST.problemWith("10.0.0.5")).isEmpty();
        assertThat(AssetKind.HOST.problemWith("2001:db8::1")).isEmpty();
        assertThat(AssetKind.IP_RANGE.problemWith("10.0.0.0/24")).isEmpty();
        assertThat(AssetKind.IP_RANGE.problemWith("2001:db8::/48")).isEmpty();
        assertThat(AssetKind.URL.problemWith("https://app.example.com/login")).isEmpty();
    }

    @Test
    void refusesMalformedAddressesWithoutAskingANameServer() {
        assertThat(AssetKind.isIpLiteral("999.1.1.1")).isFalse();
        assertThat(AssetKind.isIpLiteral("10.0.0")).isFalse();
        assertThat(AssetKind.isIpLiteral("example.com")).isFalse();
        assertThat(AssetKind.isIpLiteral("::g")).isFalse();
        assertThat(AssetKind.HOST.problemWith("999.1.1.1")).isPresent();
        assertThat(AssetKind.IP_RANGE.problemWith("10.0.0.0/33")).isPresent();
        assertThat(AssetKind.IP_RANGE.problemWith("2001:db8::/129")).isPresent();
        assertThat(AssetKind.URL.problemWith("javascript:alert(1)")).isPresent();
    }
}
