package dev.attest.audits;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;

/** The client's answer to a finding: response, root cause, corrective action, its owner and due date. */
public record AnswerFinding(@NotBlank(message = "is required") @Size(max = 8000) String clientResponse, @Size(max = 8000) String rootCause,
                            @Size(max = 8000) String correctiveAction, @Size(max = 320) String owner, LocalDate dueOn) {
}
