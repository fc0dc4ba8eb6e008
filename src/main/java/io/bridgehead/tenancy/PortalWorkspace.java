package io.bridgehead.tenancy;

import java.util.UUID;

/**
 * The workspace a portal address leads to. {@code slug} is always the workspace's current slug: when it differs from
 * the slug that was asked for, the address was a released one (still reserved for 30 days), and the portal should
 * redirect to the current address.
 */
public record PortalWorkspace(UUID id, String name, String slug) {

    /** The request attribute holding the workspace once a portal request's address was resolved, so it is read once. */
    public static final String REQUEST_ATTRIBUTE = "portalWorkspace";

    /** The workspace an earlier filter of this request already resolved for {@code slug}, if any. */
    public static java.util.Optional<PortalWorkspace> resolvedFor(jakarta.servlet.ServletRequest request, String slug) {
        return request.getAttribute(REQUEST_ATTRIBUTE) instanceof PortalWorkspace workspace
                        && workspace.slug().equals(slug)
                ? java.util.Optional.of(workspace)
                : java.util.Optional.empty();
    }
}
