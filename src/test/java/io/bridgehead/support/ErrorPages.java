package io.bridgehead.support;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import java.util.Collections;
import java.util.regex.Pattern;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * MockMvc stops at {@code response.sendError(...)}; the servlet container would then dispatch the same request to
 * {@code /error} to render the error page. This performs that error dispatch, so tests can read the page a browser
 * would show. It is the same request, so send it with the headers a browser would ({@code Accept: text/html}).
 */
public final class ErrorPages {

    /** Attributes the application sets for its error page; framework attributes have dotted or underscored names. */
    private static final Pattern APPLICATION_ATTRIBUTE = Pattern.compile("[A-Za-z]+");

    private ErrorPages() {}

    public static MvcTestResult render(MockMvcTester mvc, MvcTestResult failed) {
        MockHttpServletRequest original = failed.getRequest();
        int status = failed.getResponse().getStatus();
        if (status < 400) {
            throw new AssertionError("Not an error response: " + status);
        }
        return mvc.perform(servletContext -> {
            MockHttpServletRequest error = new MockHttpServletRequest(servletContext, original.getMethod(), "/error");
            error.setDispatcherType(DispatcherType.ERROR);
            for (String header : Collections.list(original.getHeaderNames())) {
                for (String value : Collections.list(original.getHeaders(header))) {
                    error.addHeader(header, value);
                }
            }
            if (original.getCookies() != null) {
                error.setCookies(original.getCookies());
            }
            for (String name : Collections.list(original.getAttributeNames())) {
                if (APPLICATION_ATTRIBUTE.matcher(name).matches()) {
                    error.setAttribute(name, original.getAttribute(name));
                }
            }
            error.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, status);
            error.setAttribute(RequestDispatcher.ERROR_REQUEST_URI, original.getRequestURI());
            error.setAttribute(
                    RequestDispatcher.ERROR_MESSAGE, failed.getResponse().getErrorMessage());
            error.setAttribute(RequestDispatcher.ERROR_SERVLET_NAME, "dispatcherServlet");
            return error;
        });
    }
}
