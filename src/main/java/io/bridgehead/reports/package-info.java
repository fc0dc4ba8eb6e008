/** Reports: a project's PDF report, rendered in the background, kept as immutable numbered versions, released. */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"shared", "access", "audit", "tenancy", "clients", "projects", "findings"})
package io.bridgehead.reports;
