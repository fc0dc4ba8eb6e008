package io.bridgehead.projects;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

public record AssetForm(
        @NotNull(message = "Choose what kind of asset this is.")
        AssetKind kind,

        @NotBlank(message = "Enter the asset.") @Size(max = 500, message = "Use at most 500 characters.")
        String value) {}
