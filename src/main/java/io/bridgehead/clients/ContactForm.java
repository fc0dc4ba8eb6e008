package io.bridgehead.clients;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

public record ContactForm(
        @NotBlank(message = "Enter the contact's name.") @Size(max = 120, message = "Use at most 120 characters.")
        String fullName,

        @Email(message = "Enter a valid e-mail address, like name@example.com.")
        @Size(max = 254, message = "Use at most 254 characters.")
        String email,

        @Size(max = 40, message = "Use at most 40 characters.")
        @Pattern(regexp = "^$|^[+0-9 ()./-]{3,40}$", message = "Use digits, spaces and + ( ) - . / only.")
        String phone,

        @Size(max = 120, message = "Use at most 120 characters.")
        String title,

        @Size(max = 120, message = "Use at most 120 characters.")
        String department,

        Boolean primary,
        Boolean technical,
        Boolean executive,
        Boolean billing) {

    /** An unticked box sends nothing: absent means no. */
    public ContactForm {
        primary = Boolean.TRUE.equals(primary);
        technical = Boolean.TRUE.equals(technical);
        executive = Boolean.TRUE.equals(executive);
        billing = Boolean.TRUE.equals(billing);
    }

    public static ContactForm empty() {
        return new ContactForm("", "", "", "", "", false, false, false, false);
    }
}
