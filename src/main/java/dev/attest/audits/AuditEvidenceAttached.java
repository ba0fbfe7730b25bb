package dev.attest.audits;

import dev.attest.identity.WorkspaceId;

import java.util.UUID;

/** Evidence was attached to a request by its ledger entry. */
public record AuditEvidenceAttached(WorkspaceId workspaceId, String actor, UUID auditId, String reference, UUID evidenceId, long ledgerSeq) implements AuditEvent {

    @Override
    public AuditEventKind eventKind() {
        return AuditEventKind.EVIDENCE_ATTACHED;
    }

    @Override
    public String target() {
        return "audit-request:" + auditId + "/" + reference;
    }

    @Override
    public String summary() {
        return "evidence " + evidenceId + " (ledger entry " + ledgerSeq + ") attached";
    }
}
