package dev.attest.audits;

import jakarta.validation.constraints.NotNull;

import java.util.UUID;

/** Attaches evidence already in Attest to a request, by reference (its ledger entry), not by copy. */
public record AttachEvidence(@NotNull(message = "is required") UUID evidenceId) {
}
