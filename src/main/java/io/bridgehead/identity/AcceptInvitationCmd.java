package io.bridgehead.identity;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

public record AcceptInvitationCmd(
        @NotBlank(message = "Enter your full name.") @Size(max = 120, message = "Use at most 120 characters.")
        String fullName,

        String password,
        String confirmPassword) {}
