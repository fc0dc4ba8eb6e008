/** Projects (engagements): as much as clients need so far — name, client, status, dates, owner — and the plan page. */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"shared", "access", "audit", "tenancy", "clients"})
package io.bridgehead.projects;
