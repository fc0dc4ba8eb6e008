package io.bridgehead.identity;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.web.http.CookieSerializer;
import org.springframework.session.web.http.DefaultCookieSerializer;
import org.springframework.web.util.UrlPathHelper;

/**
 * Two session cookies, both HttpOnly, SameSite=Lax, host-only for path /: one for staff pages, one for the portal. A
 * staff session is therefore never presented to the portal, nor a portal session to staff pages, even in one browser.
 * Over https their names carry the {@code __Host-} prefix, so browsers accept them only Secure, host-only and for path
 * / — no sibling sub-domain and no plain-http page can plant or overwrite them — and only the prefixed cookie is read
 * there. Plain http (development on localhost) uses the bare names.
 */
@Configuration(proxyBeanMethods = false)
class SessionCookieConfiguration {

    static final String COOKIE_NAME = "BRIDGEHEAD_SESSION";
    static final String PORTAL_COOKIE_NAME = "BRIDGEHEAD_PORTAL_SESSION";
    static final String HOST_PREFIX = "__Host-";

    @Bean
    CookieSerializer cookieSerializer() {
        return new PerAreaCookieSerializer(
                cookie(COOKIE_NAME, false),
                cookie(HOST_PREFIX + COOKIE_NAME, true),
                cookie(PORTAL_COOKIE_NAME, false),
                cookie(HOST_PREFIX + PORTAL_COOKIE_NAME, true));
    }

    /** Every name a session cookie of the area may carry, for sign-out to clear. */
    static String[] namesOf(String name) {
        return new String[] {name, HOST_PREFIX + name};
    }

    private static DefaultCookieSerializer cookie(String name, boolean secure) {
        DefaultCookieSerializer serializer = new DefaultCookieSerializer();
        serializer.setCookieName(name);
        if (secure) {
            serializer.setUseSecureCookie(true);
        }
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

    private record PerAreaCookieSerializer(
            CookieSerializer staff,
            CookieSerializer secureStaff,
            CookieSerializer portal,
            CookieSerializer securePortal)
            implements CookieSerializer {

        @Override
        public void writeCookieValue(CookieValue cookieValue) {
            serializerFor(cookieValue.getRequest()).writeCookieValue(cookieValue);
        }

        @Override
        public List<String> readCookieValues(HttpServletRequest request) {
            return serializerFor(request).readCookieValues(request);
        }

        private CookieSerializer serializerFor(HttpServletRequest request) {
            if (isPortal(request)) {
                return request.isSecure() ? securePortal : portal;
            }
            return request.isSecure() ? secureStaff : staff;
        }
    }
}
