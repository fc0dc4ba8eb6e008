package io.bridgehead.tenancy;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpHeaders;
import org.springframework.util.StringUtils;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Serves a workspace's portal at {@code {slug}.{portal domain}}: such a request is handed on as if it had asked for
 * {@code /portal/{slug}} + its path, so the portal's handlers and its security chain see one kind of address. Runs
 * before Spring Session and Spring Security, which therefore see the rewritten path too. Hosts outside the portal
 * domain (the staff application) pass untouched; an unknown workspace under it gets a bare 404.
 */
class PortalHostFilter extends OncePerRequestFilter {

    private static final List<String> STATIC_PREFIXES = List.of("/css/", "/js/", "/img/", "/webjars/");

    private final PortalProperties properties;
    private final Workspaces workspaces;
    private final PortalAddresses addresses;
    private final Environment environment;

    PortalHostFilter(
            PortalProperties properties, Workspaces workspaces, PortalAddresses addresses, Environment environment) {
        this.properties = properties;
        this.workspaces = workspaces;
        this.addresses = addresses;
        this.environment = environment;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<String> label = portalLabel(request);
        if (label.isEmpty() || isStaticAsset(pathWithinApplication(request))) {
            chain.doFilter(request, response);
            return;
        }
        Optional<PortalWorkspace> workspace = workspaces.forPortalSlug(label.get());
        if (workspace.isEmpty()) {
            notFound(response);
        } else if (!workspace.get().slug().equals(label.get())) {
            toCurrentAddress(request, response, label.get(), workspace.get().slug());
        } else {
            request.setAttribute(PortalWorkspace.REQUEST_ATTRIBUTE, workspace.get());
            chain.doFilter(rewritten(request, workspace.get().slug()), response);
        }
    }

    /** The first label of a host directly under the portal domain; empty for every other host. */
    private Optional<String> portalLabel(HttpServletRequest request) {
        Optional<String> domain = properties.configuredDomain();
        String host = request.getServerName();
        if (domain.isEmpty() || host == null) {
            return Optional.empty();
        }
        host = host.toLowerCase(Locale.ROOT).replaceAll("\\.$", "");
        String suffix = "." + domain.get();
        if (!host.endsWith(suffix) || host.equals(publicHost())) {
            return Optional.empty();
        }
        return Optional.of(host.substring(0, host.length() - suffix.length()));
    }

    // The staff application is never taken for a portal, even if its host happens to lie under the portal domain.
    private String publicHost() {
        String configured = environment.getProperty("bridgehead.public-url");
        if (!StringUtils.hasText(configured)) {
            return null;
        }
        String host = URI.create(configured.strip()).getHost();
        return host == null ? null : host.toLowerCase(Locale.ROOT);
    }

    private static boolean isStaticAsset(String path) {
        return path.equals("/favicon.ico") || STATIC_PREFIXES.stream().anyMatch(path::startsWith);
    }

    private static String pathWithinApplication(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }

    // Nothing about why: the same empty answer for a mistyped and a never-existing workspace.
    private static void notFound(HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        response.setContentLength(0);
    }

    /**
     * A released slug's host leads to the workspace's current address for 30 days. Temporary (302): after that the
     * slug may belong to another workspace. Only reads are redirected; a form sent to the old host would fail its
     * CSRF check on the new one anyway.
     */
    private void toCurrentAddress(
            HttpServletRequest request, HttpServletResponse response, String old, String current) {
        if (!"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod())) {
            notFound(response);
            return;
        }
        String path = pathWithinApplication(request);
        String oldPrefix = "/portal/" + old;
        if (path.equals(oldPrefix) || path.startsWith(oldPrefix + "/")) {
            path = path.substring(oldPrefix.length());
        }
        String query = request.getQueryString() == null ? "" : "?" + request.getQueryString();
        response.setStatus(HttpServletResponse.SC_FOUND);
        response.setHeader(HttpHeaders.LOCATION, addresses.baseUrl(current) + path + query);
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        response.setContentLength(0);
    }

    private static HttpServletRequest rewritten(HttpServletRequest request, String slug) {
        String prefix = "/portal/" + slug;
        String path = pathWithinApplication(request);
        if (path.equals(prefix) || path.startsWith(prefix + "/")) {
            return request;
        }
        return new PortalPathRequest(request, prefix);
    }

    /** The same request with {@code prefix} in front of its path, consistently in every accessor MVC and Security use. */
    static final class PortalPathRequest extends HttpServletRequestWrapper {

        private final String prefix;

        PortalPathRequest(HttpServletRequest request, String prefix) {
            super(request);
            this.prefix = prefix;
        }

        private HttpServletRequest original() {
            return (HttpServletRequest) getRequest();
        }

        @Override
        public String getRequestURI() {
            HttpServletRequest original = original();
            String contextPath = original.getContextPath();
            return contextPath + prefix + original.getRequestURI().substring(contextPath.length());
        }

        @Override
        public StringBuffer getRequestURL() {
            String url = original().getRequestURL().toString();
            String uri = original().getRequestURI();
            String origin = url.endsWith(uri) ? url.substring(0, url.length() - uri.length()) : url;
            return new StringBuffer(origin).append(getRequestURI());
        }

        @Override
        public String getServletPath() {
            return prefix + original().getServletPath();
        }

        @Override
        public String getPathInfo() {
            return original().getPathInfo();
        }
    }
}
