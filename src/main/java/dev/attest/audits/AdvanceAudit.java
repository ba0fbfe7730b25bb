package dev.attest.audits;

import jakarta.validation.constraints.NotNull;

/** Moves an audit on: start fieldwork, start reporting, or withdraw it. */
public record AdvanceAudit(@NotNull(message = "is required") AuditAction action) {
}
