/** Staff users: sign-in, sessions, passwords, throttling, invitations, password reset and user management. */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {
            "shared",
            "shared::tenant",
            "shared::security",
            "shared::web",
            "access",
            "audit",
            "tenancy",
            "notifications"
        })
package io.bridgehead.identity;
