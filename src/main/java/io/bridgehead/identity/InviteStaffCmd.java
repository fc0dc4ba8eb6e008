package io.bridgehead.identity;

import io.bridgehead.access.PlatformRole;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

public record InviteStaffCmd(
        @NotBlank(message = "Enter an e-mail address.")
        @Email(message = "Enter a valid e-mail address, like name@example.com.")
        @Size(max = 254, message = "Use at most 254 characters.")
        String email,

        @NotNull(message = "Choose a role.") PlatformRole role) {}
