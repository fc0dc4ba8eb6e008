package io.bridgehead.tenancy;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** What an Admin may change about the workspace on its settings page. */
public record WorkspaceSettings(
        @NotBlank(message = "Enter the workspace name.") @Size(max = 120, message = "Use at most 120 characters.")
        String name,

        @Min(value = 5, message = "The idle timeout must be at least 5 minutes.")
        @Max(value = 720, message = "The idle timeout can be at most 720 minutes (12 hours).")
        int idleTimeoutMinutes,

        @Min(value = 5, message = "The portal's idle timeout must be at least 5 minutes.")
        @Max(value = 720, message = "The portal's idle timeout can be at most 720 minutes (12 hours).")
        int portalIdleTimeoutMinutes) {

    public static final int DEFAULT_IDLE_TIMEOUT_MINUTES = 30;

    /** Client users handle confidential findings, often on shared machines: a shorter default than staff. */
    public static final int DEFAULT_PORTAL_IDLE_TIMEOUT_MINUTES = 15;
}
