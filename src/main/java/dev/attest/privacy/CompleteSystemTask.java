package dev.attest.privacy;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.UUID;

/** A system's task done, with an optional note of what was done. */
public record CompleteSystemTask(@NotNull(message = "is not a task of this request") UUID task,
                                 @Size(max = 2000, message = "is longer than 2000 characters") String note) {

    public CompleteSystemTask {
        note = note == null || note.isBlank() ? null : note.strip();
    }
}
