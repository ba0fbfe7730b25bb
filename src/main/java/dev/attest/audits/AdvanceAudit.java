package dev.attest.audits.internal;

import dev.attest.audits.AuditAction;
import jakarta.validation.constraints.NotNull;

/** Moves an audit on: start fieldwork, start reporting, or withdraw it. */
record AdvanceAudit(@NotNull(message = "is required") AuditAction action) {
}
