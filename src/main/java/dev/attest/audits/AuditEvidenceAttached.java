package dev.attest.audits;

import dev.attest.identity.RecordedAs;
import dev.attest.identity.WorkspaceId;

import java.util.UUID;

/** Evidence was attached to a request by its ledger entry. */
@RecordedAs("audits.evidence-attached")
public record AuditEvidenceAttached(WorkspaceId workspaceId, String actor, UUID auditId, String reference, UUID evidenceId, long ledgerSeq) implements AuditEvent.OfRequest {

    @Override
    public String summary() {
        return "evidence " + evidenceId + " (ledger entry " + ledgerSeq + ") attached";
    }
}
