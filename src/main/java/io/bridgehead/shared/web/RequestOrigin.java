package io.bridgehead.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** Where the current request came from, for the audit log; empty outside a request. */
public record RequestOrigin(String ip, String userAgent) {

    private static final RequestOrigin NONE = new RequestOrigin(null, null);
    private static final ThreadLocal<RequestOrigin> HANDED_OVER = new ThreadLocal<>();

    public static RequestOrigin current() {
        RequestOrigin handedOver = HANDED_OVER.get();
        if (handedOver != null) {
            return handedOver;
        }
        if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)) {
            return NONE;
        }
        return of(attributes.getRequest());
    }

    /** Runs work handed over by a request on another thread, so what it audits still names where it came from. */
    public static void runFrom(RequestOrigin origin, Runnable work) {
        HANDED_OVER.set(origin);
        try {
            work.run();
        } finally {
            HANDED_OVER.remove();
        }
    }

    public static RequestOrigin of(HttpServletRequest request) {
        return new RequestOrigin(truncate(request.getRemoteAddr(), 64), truncate(request.getHeader("User-Agent"), 300));
    }

    private static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
