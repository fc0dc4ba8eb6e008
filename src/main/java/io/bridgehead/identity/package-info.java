/** Staff users: sign-in, sessions, passwords, throttling, invitations, password reset and user management. */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"shared", "access", "audit", "tenancy", "notifications"})
package io.bridgehead.identity;
