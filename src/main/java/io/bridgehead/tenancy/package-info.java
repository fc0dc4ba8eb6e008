/** Workspaces (tenants): name, slug, plan and workspace-wide settings. */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"shared", "shared::tenant", "shared::web", "access", "audit"})
package io.bridgehead.tenancy;
