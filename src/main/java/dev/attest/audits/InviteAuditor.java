package dev.attest.audits;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;

/**
 * Invites an auditor to one audit. Access must end: on {@code accessEndsOn}, or with the audit
 * ({@code endsWithAudit}); an invitation with neither is refused.
 */
public record InviteAuditor(@NotBlank(message = "is required") @Email(message = "must be an email address") @Size(max = 320) String email,
                            LocalDate accessEndsOn, Boolean endsWithAudit) {
}
