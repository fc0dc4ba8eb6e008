/** Workspaces (tenants): name, slug, plan and workspace-wide settings. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "access", "audit"})
package io.bridgehead.tenancy;
