package io.bridgehead.tenancy;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Test only: a portal page that tells what the application saw of the request, so tests can check the portal host
 * rewriting before (and independently of) the real portal pages and their security. Its own security chain lets it
 * through without any sign-in, ahead of every other chain.
 */
@RestController
class PortalHostProbe {

    @GetMapping("/portal/{slug}/host-probe")
    String probe(@PathVariable String slug, HttpServletRequest request) {
        String pathInfo = request.getPathInfo() == null ? "" : request.getPathInfo();
        return slug + "|" + request.getRequestURI() + "|" + request.getServletPath() + pathInfo + "|"
                + request.getRequestURL();
    }

    @Configuration(proxyBeanMethods = false)
    static class ProbeSecurity {

        @Bean
        @Order(Ordered.HIGHEST_PRECEDENCE)
        SecurityFilterChain portalHostProbeChain(HttpSecurity http) throws Exception {
            return http.securityMatcher("/portal/*/host-probe")
                    .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
                    .build();
        }
    }
}
