package io.bridgehead.projects;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Pattern;

/** What an in-scope asset is, and what a valid one looks like; {@link #problemWith} names what is wrong. */
public enum AssetKind {
    HOST("Host"),
    IP_RANGE("IP range"),
    URL("URL"),
    APPLICATION("Application");

    private static final Pattern HOSTNAME = Pattern.compile(
            "^(?=.{1,253}$)([A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)(\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*\\.?$");
    private static final Pattern IPV4 = Pattern.compile("^(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})$");
    private static final Pattern IPV6_CHARS = Pattern.compile("^[0-9A-Fa-f:.]{2,45}$");

    private final String label;

    AssetKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public Optional<String> problemWith(String value) {
        return switch (this) {
            case HOST ->
                isHostname(value) || isIpLiteral(value)
                        ? Optional.empty()
                        : Optional.of("Enter a host name (e.g. app.example.com) or an IP address.");
            case IP_RANGE ->
                isCidr(value)
                        ? Optional.empty()
                        : Optional.of("Enter a range in CIDR form, e.g. 10.0.0.0/24 or 2001:db8::/48.");
            case URL ->
                isWebUrl(value) ? Optional.empty() : Optional.of("Enter a URL starting with http:// or https://.");
            case APPLICATION ->
                value.length() <= 200
                        ? Optional.empty()
                        : Optional.of("Use at most 200 characters for an application.");
        };
    }

    private static boolean isHostname(String value) {
        return HOSTNAME.matcher(value).matches() && !value.matches("^[0-9.]+$");
    }

    /** An IPv4 or IPv6 literal, parsed without ever asking a name server. */
    static boolean isIpLiteral(String value) {
        if (IPV4.matcher(value).matches()) {
            return Arrays.stream(value.split("\\.")).allMatch(octet -> Integer.parseInt(octet) <= 255);
        }
        if (!value.contains(":") || !IPV6_CHARS.matcher(value).matches()) {
            return false;
        }
        try {
            // A string with a colon is parsed as an IPv6 literal; Java does no lookup for it.
            return InetAddress.getByName(value) instanceof Inet6Address;
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static boolean isCidr(String value) {
        int slash = value.indexOf('/');
        if (slash <= 0 || !isIpLiteral(value.substring(0, slash))) {
            return false;
        }
        int max = value.contains(":") ? 128 : 32;
        try {
            int prefix = Integer.parseInt(value.substring(slash + 1));
            return prefix >= 0 && prefix <= max;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static boolean isWebUrl(String value) {
        try {
            URI uri = new URI(value);
            return ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
                    && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
