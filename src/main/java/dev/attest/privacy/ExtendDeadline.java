package dev.attest.privacy;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The one extension of a request's deadline, with the reason told to the requester. */
public record ExtendDeadline(@NotBlank(message = "an extension needs a recorded reason")
                             @Size(max = 2000, message = "is longer than 2000 characters") String reason) {

    public ExtendDeadline {
        reason = reason == null || reason.isBlank() ? null : reason.strip();
    }
}
