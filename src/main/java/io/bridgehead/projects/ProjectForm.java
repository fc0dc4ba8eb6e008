package io.bridgehead.projects;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.format.annotation.DateTimeFormat;

public record ProjectForm(
        @NotBlank(message = "Enter the project's name.") @Size(max = 200, message = "Use at most 200 characters.")
        String name,

        UUID clientId,
        @NotNull(message = "Choose a status.") ProjectStatus status,
        ProjectType type,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate startDate,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate endDate,

        @Size(max = 20000, message = "Use at most 20,000 characters.")
        String scope,

        @Size(max = 20000, message = "Use at most 20,000 characters.")
        String description) {

    public ProjectForm {
        type = type == null ? ProjectType.OTHER : type;
        scope = scope == null ? "" : scope;
        description = description == null ? "" : description;
    }

    public static ProjectForm forClient(UUID clientId) {
        return new ProjectForm("", clientId, ProjectStatus.PLANNED, ProjectType.OTHER, null, null, "", "");
    }
}
