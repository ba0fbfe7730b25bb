package dev.attest.identity;

import jakarta.validation.constraints.NotNull;

import java.time.LocalDate;

/**
 * A member's new role and, for an auditor only, the last day of their membership (null: it does not end).
 * That only an auditor's membership ends, not in the past, and that a workspace keeps an active admin are
 * checked against the member and the clock when the change is made.
 */
public record ChangeRole(@NotNull(message = "is required") Role role, LocalDate expiresOn) {
}
