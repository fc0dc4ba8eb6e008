package io.bridgehead.shared.web;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * The address users reach Bridgehead at, for links in e-mails. Taken from configuration, never from the request's
 * Host header, so a forged header cannot redirect a reset link.
 */
@Component
public class PublicUrl {

    private final Environment environment;

    PublicUrl(Environment environment) {
        this.environment = environment;
    }

    public String base() {
        String configured = environment.getProperty("bridgehead.public-url");
        if (StringUtils.hasText(configured)) {
            return configured.replaceAll("/+$", "");
        }
        return "http://localhost:"
                + environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
    }

    public String of(String path) {
        return base() + path;
    }
}
