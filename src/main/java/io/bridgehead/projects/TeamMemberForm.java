package io.bridgehead.projects;

import jakarta.validation.constraints.NotNull;
import java.util.UUID;

public record TeamMemberForm(
        @NotNull(message = "Choose a colleague.") UUID userId,
        @NotNull(message = "Choose a project role.") ProjectRole role) {}
