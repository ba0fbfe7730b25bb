package dev.attest.privacy;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The close of a request.
 *
 * @param reason for a denial, the reason given to the requester (required then)
 */
public record CloseRequest(@NotNull(message = "choose fulfilled or denied") RequestOutcome outcome,
                           @Size(max = 2000, message = "is longer than 2000 characters") String reason) {

    public CloseRequest {
        reason = reason == null || reason.isBlank() ? null : reason.strip();
    }
}
