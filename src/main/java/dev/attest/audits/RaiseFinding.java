package dev.attest.audits;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.List;

/** An auditor's finding: its kind, what was found, and the requirements and controls it concerns. */
public record RaiseFinding(@NotNull(message = "is required") FindingKind kind, @NotBlank(message = "is required") @Size(max = 300) String title,
                           @Size(max = 8000) String description, List<String> requirements, List<String> controls) {
}
