package io.bridgehead.identity;

import io.bridgehead.access.PortalRole;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Add or edit a portal user: who they are and what they may do. */
public record PortalUserForm(
        @NotBlank(message = "Enter the e-mail address.")
        @Email(message = "Enter a valid e-mail address, such as name@example.com.")
        @Size(max = 254, message = "Use at most 254 characters.")
        String email,

        @NotBlank(message = "Enter the person's full name.") @Size(max = 120, message = "Use at most 120 characters.")
        String fullName,

        @NotNull(message = "Choose a role.") PortalRole role) {

    public static PortalUserForm empty() {
        return new PortalUserForm("", "", PortalRole.VIEWER);
    }
}
