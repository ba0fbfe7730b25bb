package dev.attest.privacy;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A system that holds the requester's data and must act on the request. */
public record AddSystemTask(@NotBlank(message = "is required") @Size(max = 200, message = "is longer than 200 characters") String system) {

    public AddSystemTask {
        system = system == null || system.isBlank() ? null : system.strip();
    }
}
