package io.bridgehead.identity;

import io.bridgehead.access.AuditedAccessDenied;
import io.bridgehead.access.PermissionDenied;
import io.bridgehead.audit.AuditAction;
import io.bridgehead.audit.AuditEvent;
import io.bridgehead.shared.security.CurrentActor;
import io.bridgehead.shared.web.RateLimiter;
import io.bridgehead.shared.web.TenantContextFilter;
import io.bridgehead.tenancy.PortalWorkspace;
import io.bridgehead.tenancy.Workspaces;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.Map;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.logout.HeaderWriterLogoutHandler;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.security.web.header.writers.ClearSiteDataHeaderWriter;
import org.springframework.security.web.header.writers.CrossOriginOpenerPolicyHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.savedrequest.NullRequestCache;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.web.util.UrlPathHelper;

/** The one place for URL rules, sign-in, sign-out, sessions and security headers. */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@EnableConfigurationProperties(IdentityProperties.class)
class SecurityConfiguration {

    /*
     * On sign-out over https the browser drops cached pages and script storage of the site. Not "cookies": that would
     * also end the other area's session (staff vs portal) in the same browser; the area's own cookie is deleted.
     */
    private static final HeaderWriterLogoutHandler CLEAR_SITE_DATA =
            new HeaderWriterLogoutHandler(new ClearSiteDataHeaderWriter(
                    ClearSiteDataHeaderWriter.Directive.CACHE, ClearSiteDataHeaderWriter.Directive.STORAGE));

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self';"
            + " img-src 'self' data: blob:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none';"
            + " form-action 'self'; frame-ancestors 'none'";

    /** No page of Bridgehead needs these browser features; a script injected despite the CSP gets none of them. */
    static final String PERMISSIONS_POLICY = "accelerometer=(), camera=(), geolocation=(), gyroscope=(),"
            + " magnetometer=(), microphone=(), payment=(), usb=()";

    @Bean
    PasswordEncoder passwordEncoder() {
        return new DelegatingPasswordEncoder(
                "argon2", Map.of("argon2", Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8()));
    }

    /** The client portal: its own session cookie and context, sign-in pages, and no staff page at all. */
    @Bean
    @Order(1)
    SecurityFilterChain portalChain(
            HttpSecurity http,
            Workspaces workspaces,
            PortalSignIn signIn,
            PortalSessions sessions,
            IdentityProperties properties,
            ApplicationEventPublisher events,
            Clock clock)
            throws Exception {
        http.securityMatcher("/portal/**")
                .securityContext(context -> context.securityContextRepository(PortalSessions.contextRepository()))
                .authorizeHttpRequests(auth -> auth.requestMatchers(
                                "/portal/*/login",
                                "/portal/*/login/**",
                                "/portal/*/invitation/**",
                                "/portal/*/password/**",
                                "/portal/*/email/confirm/**",
                                "/portal/*/branding.css",
                                "/portal/*/logo")
                        .permitAll()
                        .anyRequest()
                        .hasAuthority("ROLE_PORTAL"))
                .requestCache(cache -> cache.requestCache(new NullRequestCache()))
                .exceptionHandling(ex -> ex.authenticationEntryPoint(SecurityConfiguration::toPortalSignIn)
                        .accessDeniedHandler(accessDeniedHandler(events)))
                .logout(logout -> logout.logoutRequestMatcher(
                                PathPatternRequestMatcher.pathPattern(HttpMethod.POST, "/portal/*/logout"))
                        .addLogoutHandler(
                                (request, response, authentication) -> auditPortalSignOut(events, authentication))
                        .addLogoutHandler(CLEAR_SITE_DATA)
                        .logoutSuccessHandler((request, response, authentication) ->
                                redirectToPortalSignIn(request, response, "signedout"))
                        .deleteCookies(
                                SessionCookieConfiguration.namesOf(SessionCookieConfiguration.PORTAL_COOKIE_NAME)))
                .headers(SecurityConfiguration::securityHeaders)
                // After the header writer, so its own answers (unknown workspace 404, moved 302) carry the headers too.
                .addFilterAfter(
                        new PortalRequestFilter(
                                workspaces, signIn, sessions, properties.absoluteSessionLifetime(), events, clock),
                        HeaderWriterFilter.class);
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain staffChain(
            HttpSecurity http,
            StaffAccounts accounts,
            SignInThrottle throttle,
            PasswordEncoder passwordEncoder,
            ApplicationEventPublisher events,
            Workspaces workspaces,
            IdentityProperties properties,
            Clock clock)
            throws Exception {
        SignInOutcomes outcomes = new SignInOutcomes(workspaces, events, clock);
        RateLimiter signInLimiter = new RateLimiter(properties.signInAttemptsPerIp(), properties.signInIpWindow());
        http.authenticationProvider(
                        new StaffAuthenticationProvider(accounts, throttle, passwordEncoder, events, signInLimiter))
                .authorizeHttpRequests(auth -> auth.requestMatchers(
                                "/login",
                                "/password/forgot",
                                "/password/reset",
                                "/invitations/**",
                                "/error",
                                "/css/**",
                                "/js/**",
                                "/img/**",
                                "/webjars/**",
                                "/favicon.ico")
                        .permitAll()
                        // Actuator listens only on the management port, bound to 127.0.0.1 by default.
                        .requestMatchers(EndpointRequest.toAnyEndpoint())
                        .permitAll()
                        .requestMatchers("/admin/**")
                        .hasRole("ADMIN")
                        .anyRequest()
                        .authenticated())
                .formLogin(form -> form.loginPage("/login")
                        .usernameParameter("email")
                        .passwordParameter("password")
                        .successHandler(outcomes)
                        .failureHandler(outcomes)
                        .permitAll())
                .logout(logout -> logout.logoutUrl("/logout")
                        .addLogoutHandler(outcomes)
                        .addLogoutHandler(CLEAR_SITE_DATA)
                        .logoutSuccessUrl("/login?signedout")
                        .deleteCookies(SessionCookieConfiguration.namesOf(SessionCookieConfiguration.COOKIE_NAME)))
                .exceptionHandling(ex -> ex.accessDeniedHandler(accessDeniedHandler(events)))
                .headers(SecurityConfiguration::securityHeaders)
                .addFilterAfter(new TenantContextFilter(), SecurityContextHolderFilter.class)
                .addFilterBefore(
                        new SessionPolicyFilter(accounts, properties.absoluteSessionLifetime(), events, clock),
                        AuthorizationFilter.class);
        return http.build();
    }

    private static void securityHeaders(HeadersConfigurer<HttpSecurity> headers) {
        headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER))
                .frameOptions(frame -> frame.deny())
                .permissionsPolicyHeader(permissions -> permissions.policy(PERMISSIONS_POLICY))
                .crossOriginOpenerPolicy(
                        coop -> coop.policy(CrossOriginOpenerPolicyHeaderWriter.CrossOriginOpenerPolicy.SAME_ORIGIN))
                .httpStrictTransportSecurity(
                        hsts -> hsts.includeSubDomains(true).maxAgeInSeconds(31536000));
    }

    /**
     * Not signed in: to the sign-in page, saying why when the browser still held a session that is gone — deleted from
     * the store when the user was removed or their password or MFA reset, or expired while idle.
     */
    private static void toPortalSignIn(
            HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
            throws IOException {
        boolean sessionGone = request.getRequestedSessionId() != null && !request.isRequestedSessionIdValid();
        redirectToPortalSignIn(request, response, sessionGone ? "ended" : null);
    }

    /** The sign-in page of the portal the request was for ({@code /portal/{slug}/…}). */
    private static void redirectToPortalSignIn(HttpServletRequest request, HttpServletResponse response, String message)
            throws IOException {
        // The workspace the request filter resolved (the path's slug could be an old one); the path is the fallback.
        Object workspace = request.getAttribute(PortalRequestFilter.WORKSPACE_ATTRIBUTE);
        String slug = workspace instanceof PortalWorkspace resolved
                ? resolved.slug()
                : UrlPathHelper.defaultInstance.getPathWithinApplication(request)
                        .split("/", 4)[2];
        String target =
                request.getContextPath() + "/portal/" + slug + "/login" + (message == null ? "" : "?" + message);
        if ("true".equals(request.getHeader("HX-Request"))) {
            response.setHeader("HX-Redirect", target);
            response.setStatus(HttpServletResponse.SC_NO_CONTENT);
            return;
        }
        response.sendRedirect(target);
    }

    private static void auditPortalSignOut(ApplicationEventPublisher events, Authentication authentication) {
        if (authentication != null && authentication.getPrincipal() instanceof PortalPrincipal principal) {
            events.publishEvent(AuditEvent.byAccount(
                            principal.tenantId(),
                            principal.userId(),
                            principal.email(),
                            AuditAction.PORTAL_SIGNED_OUT,
                            null)
                    .about(principal.clientId(), null, null));
        }
    }

    /** Every refusal is audited; a missing or stale CSRF token gets its own explanation. */
    private static AccessDeniedHandler accessDeniedHandler(ApplicationEventPublisher events) {
        return (request, response, exception) -> {
            if (exception instanceof CsrfException) {
                request.setAttribute("csrfFailure", true);
            } else if (!(exception instanceof AuditedAccessDenied)) {
                CurrentActor.get()
                        .ifPresent(actor -> events.publishEvent(PermissionDenied.of(
                                actor, request.getMethod() + " " + request.getRequestURI(), "Refused by URL rule")));
            }
            request.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, 403);
            response.sendError(403);
        };
    }
}
