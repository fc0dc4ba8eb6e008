package io.bridgehead.shared.web;

import java.util.Map;
import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.boot.webmvc.error.DefaultErrorAttributes;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.WebRequest;

/** Tells the 403 page when the refusal was a missing or stale CSRF token, so it can explain what to do. */
@Component
class BridgeheadErrorAttributes extends DefaultErrorAttributes {

    @Override
    public Map<String, Object> getErrorAttributes(WebRequest request, ErrorAttributeOptions options) {
        Map<String, Object> attributes = super.getErrorAttributes(request, options);
        attributes.put("csrfFailure", request.getAttribute("csrfFailure", RequestAttributes.SCOPE_REQUEST) != null);
        return attributes;
    }
}
