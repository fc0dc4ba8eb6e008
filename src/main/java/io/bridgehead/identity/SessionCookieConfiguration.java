package io.bridgehead.identity;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.web.http.CookieSerializer;
import org.springframework.session.web.http.DefaultCookieSerializer;

/** The session cookie: HttpOnly, SameSite=Lax, Secure whenever the request came over https. */
@Configuration(proxyBeanMethods = false)
class SessionCookieConfiguration {

    static final String COOKIE_NAME = "BRIDGEHEAD_SESSION";

    @Bean
    CookieSerializer cookieSerializer() {
        DefaultCookieSerializer serializer = new DefaultCookieSerializer();
        serializer.setCookieName(COOKIE_NAME);
        serializer.setUseHttpOnlyCookie(true);
        serializer.setSameSite("Lax");
        serializer.setCookiePath("/");
        return serializer;
    }
}
