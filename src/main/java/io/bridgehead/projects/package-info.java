/** Projects (engagements): details, scope and assets, team and project roles, client account, archive and delete. */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"shared", "access", "audit", "tenancy", "clients", "identity"})
package io.bridgehead.projects;
