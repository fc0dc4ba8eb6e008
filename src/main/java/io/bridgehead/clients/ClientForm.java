package io.bridgehead.clients;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;

/** The client form, for creating (with a first note and projects to assign) and for editing. */
public record ClientForm(
        @NotBlank(message = "Enter the client's name.") @Size(max = 120, message = "Use at most 120 characters.")
        String name,

        @NotBlank(message = "Enter a contact e-mail.")
        @Email(message = "Enter a valid e-mail address, like name@example.com.")
        @Size(max = 254, message = "Use at most 254 characters.")
        String contactEmail,

        Industry industry,

        @Size(max = 80, message = "Use at most 80 characters.")
        String industryOther,

        @Size(max = 300, message = "Use at most 300 characters.")
        @Pattern(
                regexp = "^$|^(?i)https?://[^\\s/$.?#][^\\s]*$",
                message = "Enter a web address starting with http:// or https://.")
        String website,

        @Size(max = 40, message = "Use at most 40 characters.")
        @Pattern(regexp = "^$|^[+0-9 ()./-]{3,40}$", message = "Use digits, spaces and + ( ) - . / only.")
        String phone,

        @Size(max = 500, message = "Use at most 500 characters.")
        String address,

        @Size(max = 80, message = "Use at most 80 characters.")
        String externalRef,

        ClientStatus status,

        @Size(max = 20000, message = "Use at most 20,000 characters.")
        String note,

        List<UUID> projectIds) {

    public static ClientForm empty() {
        return new ClientForm("", "", null, "", "", "", "", "", ClientStatus.ACTIVE, "", List.of());
    }

    public ClientForm {
        projectIds = projectIds == null ? List.of() : List.copyOf(projectIds);
        status = status == null ? ClientStatus.ACTIVE : status;
    }
}
