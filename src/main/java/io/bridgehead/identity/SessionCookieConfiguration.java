package io.bridgehead.identity;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.web.http.CookieSerializer;
import org.springframework.session.web.http.DefaultCookieSerializer;
import org.springframework.web.util.UrlPathHelper;

/**
 * Two session cookies, both HttpOnly, SameSite=Lax and Secure whenever the request came over https: one for staff
 * pages, one for the portal. A staff session is therefore never presented to the portal, nor a portal session to staff
 * pages, even in one browser.
 */
@Configuration(proxyBeanMethods = false)
class SessionCookieConfiguration {

    static final String COOKIE_NAME = "BRIDGEHEAD_SESSION";
    static final String PORTAL_COOKIE_NAME = "BRIDGEHEAD_PORTAL_SESSION";

    @Bean
    CookieSerializer cookieSerializer() {
        return new PerAreaCookieSerializer(cookie(COOKIE_NAME), cookie(PORTAL_COOKIE_NAME));
    }

    private static DefaultCookieSerializer cookie(String name) {
        DefaultCookieSerializer serializer = new DefaultCookieSerializer();
        serializer.setCookieName(name);
        serializer.setUseHttpOnlyCookie(true);
        serializer.setSameSite("Lax");
        serializer.setCookiePath("/");
        return serializer;
    }

    /**
     * Decided on the decoded path, as Spring Security and Spring MVC match it, so {@code /%70ortal/…} is portal to all
     * three.
     */
    static boolean isPortal(HttpServletRequest request) {
        return UrlPathHelper.defaultInstance.getPathWithinApplication(request).startsWith("/portal/");
    }

    private record PerAreaCookieSerializer(CookieSerializer staff, CookieSerializer portal)
            implements CookieSerializer {

        @Override
        public void writeCookieValue(CookieValue cookieValue) {
            (isPortal(cookieValue.getRequest()) ? portal : staff).writeCookieValue(cookieValue);
        }

        @Override
        public List<String> readCookieValues(HttpServletRequest request) {
            return (isPortal(request) ? portal : staff).readCookieValues(request);
        }
    }
}
