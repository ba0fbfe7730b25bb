package dev.attest.privacy;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** How the requester's identity was verified, e.g. "replied from the account's address". */
public record VerifyIdentity(@NotBlank(message = "is required") @Size(max = 500, message = "is longer than 500 characters") String method) {

    public VerifyIdentity {
        method = method == null || method.isBlank() ? null : method.strip();
    }
}
