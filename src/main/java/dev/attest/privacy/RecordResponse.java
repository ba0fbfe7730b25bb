package dev.attest.privacy;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The response sent to the requester, as sent. */
public record RecordResponse(@NotBlank(message = "is required") @Size(max = 4000, message = "is longer than 4000 characters") String response) {

    public RecordResponse {
        response = response == null || response.isBlank() ? null : response.strip();
    }
}
