package io.bridgehead.portal;

import io.bridgehead.tenancy.PortalWorkspace;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.boot.autoconfigure.web.WebProperties;
import org.springframework.boot.webmvc.autoconfigure.error.DefaultErrorViewResolver;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.context.ApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.ModelAndView;

/**
 * Errors under /portal are shown in the portal's own frame, never in the firm's application with its navigation; all
 * others go to Spring Boot's resolver ({@code error/404.html} and friends), which a bean of this type replaces.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class PortalErrorPages implements ErrorViewResolver {

    private final DefaultErrorViewResolver staffPages;

    PortalErrorPages(ApplicationContext context) {
        this.staffPages = new DefaultErrorViewResolver(context, new WebProperties.Resources());
    }

    @Override
    public ModelAndView resolveErrorView(HttpServletRequest request, HttpStatus status, Map<String, Object> model) {
        if (!forPortal(request)) {
            return staffPages.resolveErrorView(request, status, model);
        }
        ModelAndView view = new ModelAndView("portal/error", model, status);
        view.addObject("status", status.value());
        return view;
    }

    /**
     * A portal request once its workspace was resolved (also on a portal host name, where the original address has no
     * /portal prefix), or any address under /portal.
     */
    private static boolean forPortal(HttpServletRequest request) {
        if (request.getAttribute(PortalWorkspace.REQUEST_ATTRIBUTE) != null) {
            return true;
        }
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        return uri instanceof String path && path.startsWith(request.getContextPath() + "/portal/");
    }
}
