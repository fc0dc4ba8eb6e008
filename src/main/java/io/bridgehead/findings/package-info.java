/** Findings: what an assessment found, scored with CVSS, tracked through remediation. */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"shared", "access", "audit", "tenancy", "clients", "projects", "notifications"})
package io.bridgehead.findings;
