package io.bridgehead.identity;

import jakarta.validation.constraints.NotBlank;

public record ChangePasswordCmd(
        @NotBlank(message = "Enter your current password.") String currentPassword,
        String newPassword,
        String confirmPassword) {}
