package io.bridgehead.support;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import io.bridgehead.support.TestWorkspaces.TestUser;
import jakarta.servlet.http.Cookie;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Signs in through the real login form, as a browser would, and hands back the session. */
public final class SignIn {

    public static final String COOKIE = "BRIDGEHEAD_SESSION";

    private SignIn() {}

    /** The request comes from {@code ip}: sign-in limits count per address, so tests choose theirs. */
    public static RequestPostProcessor from(String ip) {
        return request -> {
            request.setRemoteAddr(ip);
            return request;
        };
    }

    public static MvcTestResult attempt(MockMvcTester mvc, String email, String password) {
        return attempt(mvc, email, password, "192.0.2.1");
    }

    public static MvcTestResult attempt(MockMvcTester mvc, String email, String password, String ip) {
        return mvc.post()
                .uri("/login")
                .param("email", email)
                .param("password", password)
                .with(csrf())
                .with(from(ip))
                .exchange();
    }

    /** Signs the user in and returns the session cookie to send with later requests. */
    public static Cookie as(MockMvcTester mvc, TestUser user) {
        MvcTestResult result = attempt(
                mvc,
                user.email(),
                user.password(),
                "198.51.100." + (Math.abs(user.email().hashCode()) % 250));
        String location = result.getResponse().getRedirectedUrl();
        if (location == null || location.contains("/login")) {
            throw new AssertionError("Sign-in failed for " + user.email() + ": " + location);
        }
        return sessionCookie(result);
    }

    public static Cookie sessionCookie(MvcTestResult result) {
        Cookie cookie = result.getResponse().getCookie(COOKIE);
        if (cookie == null) {
            throw new AssertionError("No session cookie in the response");
        }
        return new Cookie(COOKIE, cookie.getValue());
    }
}
