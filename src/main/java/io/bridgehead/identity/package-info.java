/**
 * Staff users and the client portal's users: sign-in (portal users with TOTP and recovery codes), sessions, passwords,
 * throttling, invitations, password reset and user management.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"shared", "access", "audit", "tenancy", "notifications", "clients"})
package io.bridgehead.identity;
