package io.bridgehead.tenancy;

import jakarta.servlet.DispatcherType;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

@Configuration(proxyBeanMethods = false)
class PortalHostConfiguration {

    /**
     * Before Spring Session's filter ({@code Integer.MIN_VALUE + 50}) and Spring Security's, so both see the portal
     * path; only for the request itself, never for error dispatches (which must not be rewritten again).
     */
    static final int ORDER = Integer.MIN_VALUE + 20;

    @Bean
    FilterRegistrationBean<PortalHostFilter> portalHostFilter(
            PortalProperties properties, Workspaces workspaces, PortalAddresses addresses, Environment environment) {
        FilterRegistrationBean<PortalHostFilter> registration =
                new FilterRegistrationBean<>(new PortalHostFilter(properties, workspaces, addresses, environment));
        registration.setOrder(ORDER);
        registration.setDispatcherTypes(DispatcherType.REQUEST);
        return registration;
    }
}
