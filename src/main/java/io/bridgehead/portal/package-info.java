/**
 * The client portal: every page a client's own people see (sign-in, dashboard, projects, findings, reports, their
 * account and, for Managers, their colleagues), and the firm's pages that open and shape a client's portal.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {
            "shared",
            "access",
            "audit",
            "tenancy",
            "identity",
            "clients",
            "projects",
            "findings",
            "notifications",
            "reports"
        })
package io.bridgehead.portal;
