package dev.attest.policies;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A draft's new Markdown text. */
public record EditDraft(
        @NotBlank(message = "must not be empty") @Size(max = CreatePolicy.MAX_BODY, message = "must be at most 200000 characters") String body) {
}
