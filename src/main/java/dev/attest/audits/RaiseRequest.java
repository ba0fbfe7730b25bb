package dev.attest.audits;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;

/**
 * Adds a request to an audit's list.
 *
 * @param reference the auditor's own reference (e.g. {@code PBC-12}); one is given when left out
 * @param control   the control in scope it is about, or null for a free-text request
 */
public record RaiseRequest(@Size(max = 40) @Pattern(regexp = "[A-Za-z0-9._/-]*", message = "letters, digits and . _ / - only") String reference,
                           @NotBlank(message = "is required") @Size(max = 4000) String request,
                           String control, @Size(max = 320) String assignee, LocalDate dueOn) {
}
