package dev.attest.monitoring;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

public record CommentOnFinding(@NotBlank(message = "is required") @Size(max = 900) String text) {
}
