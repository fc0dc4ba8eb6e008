package io.bridgehead.tenancy;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where client portals live. Without a domain every portal is at {@code /portal/{slug}} on the public URL; with one
 * (e.g. {@code portal.example.com}) each workspace's portal is also served at {@code {slug}.portal.example.com}.
 * Environment variable {@code BRIDGEHEAD_PORTAL_DOMAIN}.
 */
@ConfigurationProperties("bridgehead.portal")
public record PortalProperties(String domain) {

    private static final Pattern HOST_NAME =
            Pattern.compile("([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)+");

    /** Normalised (lower case, no surrounding dots); a value that is not a host name stops the start-up. */
    public PortalProperties {
        String normalised =
                domain == null ? "" : domain.strip().toLowerCase(Locale.ROOT).replaceAll("^\\.+|\\.+$", "");
        if (!normalised.isEmpty() && !HOST_NAME.matcher(normalised).matches()) {
            throw new IllegalArgumentException("bridgehead.portal.domain must be a host name such as"
                    + " portal.example.com (no scheme, port or path), not '" + domain + "'");
        }
        domain = normalised;
    }

    /** The configured portal domain, if any. */
    public Optional<String> configuredDomain() {
        return domain.isEmpty() ? Optional.empty() : Optional.of(domain);
    }
}
