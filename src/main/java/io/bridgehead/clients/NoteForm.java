package io.bridgehead.clients;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

public record NoteForm(
        @NotBlank(message = "Write the note first.") @Size(max = 20000, message = "Use at most 20,000 characters.")
        String body) {}
