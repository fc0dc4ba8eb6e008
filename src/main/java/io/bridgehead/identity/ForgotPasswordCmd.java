package io.bridgehead.identity;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

public record ForgotPasswordCmd(
        @NotBlank(message = "Enter your e-mail address.")
        @Email(message = "Enter a valid e-mail address, like name@example.com.")
        @Size(max = 254, message = "Use at most 254 characters.")
        String email) {}
