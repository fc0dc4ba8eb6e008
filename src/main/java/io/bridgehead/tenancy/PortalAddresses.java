package io.bridgehead.tenancy;

import io.bridgehead.shared.web.PublicUrl;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Service;
import org.springframework.util.StringUtils;

/**
 * The addresses of a workspace's client portal, for links in e-mails and on pages. Built from configuration only
 * ({@code bridgehead.portal.domain}, {@code bridgehead.public-url}), never from a request's Host header.
 */
@Service
public class PortalAddresses {

    private final PortalProperties properties;
    private final PublicUrl publicUrl;
    private final Environment environment;

    PortalAddresses(PortalProperties properties, PublicUrl publicUrl, Environment environment) {
        this.properties = properties;
        this.publicUrl = publicUrl;
        this.environment = environment;
    }

    /**
     * The portal's base address, without a trailing slash: {@code https://{slug}.{portal domain}} when a portal domain
     * is configured (scheme, and an explicit port, as in the public URL), else {@code {public URL}/portal/{slug}}.
     */
    public String baseUrl(String slug) {
        return hostBasedUrl(slug).orElseGet(() -> pathBasedUrl(slug));
    }

    /** Every address the portal answers at: the sub-domain one (if configured) first, then the path one. */
    public List<String> allUrls(String slug) {
        List<String> urls = new ArrayList<>(2);
        hostBasedUrl(slug).ifPresent(urls::add);
        urls.add(pathBasedUrl(slug));
        return urls;
    }

    /** The configured portal domain, e.g. {@code portal.example.com}. */
    public Optional<String> domain() {
        return properties.configuredDomain();
    }

    private String pathBasedUrl(String slug) {
        return publicUrl.of("/portal/" + slug);
    }

    private Optional<String> hostBasedUrl(String slug) {
        return properties.configuredDomain().map(domain -> scheme() + "://" + slug + "." + domain + port());
    }

    private String scheme() {
        String scheme = publicUri().getScheme();
        return scheme == null ? "https" : scheme;
    }

    private String port() {
        int port = publicUri().getPort();
        return port < 0 ? "" : ":" + port;
    }

    // Unset, PublicUrl falls back to http://localhost:<port>, which says nothing about the portal host: https then.
    private URI publicUri() {
        String configured = environment.getProperty("bridgehead.public-url");
        return URI.create(StringUtils.hasText(configured) ? configured.strip() : "https://unset");
    }
}
