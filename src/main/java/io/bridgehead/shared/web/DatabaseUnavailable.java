package io.bridgehead.shared.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.filter.OncePerRequestFilter;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;

/**
 * While the database cannot be reached, every page answers 503 with a short page that needs no database (the normal
 * error pages show the signed-in user and the notification bell, both read from it), instead of a 500 after a long
 * wait. The pool gives up quickly ({@code spring.datasource.hikari.connection-timeout}) and makes new connections once
 * the database is back, so the application recovers without a restart.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseUnavailable {

    /** Before the session, the portal host filter and security: all of them may be the first to read the database. */
    static final int ORDER = Integer.MIN_VALUE + 10;

    @Bean
    FilterRegistrationBean<Filter> databaseUnavailableFilter(ITemplateEngine templates) {
        FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(new Filter(templates));
        registration.setOrder(ORDER);
        registration.setDispatcherTypes(DispatcherType.REQUEST);
        return registration;
    }

    static final class Filter extends OncePerRequestFilter {

        private static final Log log = LogFactory.getLog(DatabaseUnavailable.class);
        private static final String RETRY_AFTER_SECONDS = "30";
        // The page has no script and no form; the firm's and the portal's stylesheets are its only resources.
        private static final String CONTENT_SECURITY_POLICY =
                "default-src 'none'; style-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

        private final ITemplateEngine templates;

        Filter(ITemplateEngine templates) {
            this.templates = templates;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            try {
                chain.doFilter(request, response);
            } catch (ServletException | IOException | RuntimeException e) {
                if (!isDatabaseUnreachable(e) || response.isCommitted()) {
                    throw e;
                }
                // The driver's message and the path are outside our control: one log line, whatever they hold.
                log.warn(("Database unreachable, answered 503 to " + request.getMethod() + " " + request.getRequestURI()
                                + ": " + rootMessage(e))
                        .replaceAll("[\\r\\n]+", " "));
                answerUnavailable(request, response);
            }
        }

        private void answerUnavailable(HttpServletRequest request, HttpServletResponse response) throws IOException {
            response.reset();
            response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            response.setHeader(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
            response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
            response.setHeader("X-Content-Type-Options", "nosniff");
            response.setHeader("X-Frame-Options", "DENY");
            response.setHeader("Referrer-Policy", "no-referrer");
            response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            if (wantsJson(request)) {
                response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
                response.getWriter()
                        .write("{\"type\":\"about:blank\",\"title\":\"Service Unavailable\",\"status\":503,"
                                + "\"detail\":\"The service is briefly unavailable. Try again in a moment.\"}");
                return;
            }
            response.setContentType(MediaType.TEXT_HTML_VALUE);
            WebContext context =
                    new WebContext(JakartaServletWebApplication.buildApplication(request.getServletContext())
                            .buildExchange(request, response));
            templates.process(
                    forPortal(request) ? "portal/unavailable" : "error/unavailable", context, response.getWriter());
        }

        private static boolean forPortal(HttpServletRequest request) {
            // On a portal host name the workspace cannot be looked up either, so such a request gets the firm's page.
            return request.getRequestURI().startsWith(request.getContextPath() + "/portal/");
        }

        private static boolean wantsJson(HttpServletRequest request) {
            String accept = request.getHeader(HttpHeaders.ACCEPT);
            return accept != null && accept.contains("json") && !accept.contains("text/html");
        }
    }

    /**
     * A failure to reach the database, however it is wrapped: no connection from the pool in time, refused or broken
     * connections (SQL state class 08), or a server shutting down or starting up (57P01–57P03).
     */
    static boolean isDatabaseUnreachable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLTransientConnectionException
                    || t instanceof SQLNonTransientConnectionException
                    || t instanceof CannotCreateTransactionException
                    || t instanceof DataAccessResourceFailureException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                if (state.startsWith("08") || state.equals("57P01") || state.equals("57P02") || state.equals("57P03")) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
