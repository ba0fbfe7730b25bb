package dev.attest.audits;

import dev.attest.identity.WorkspaceId;

import java.util.UUID;

/** An auditor raised a finding. */
public record AuditFindingRaised(WorkspaceId workspaceId, String actor, UUID auditId, String reference, FindingKind kind) implements AuditEvent {

    @Override
    public AuditEventKind eventKind() {
        return AuditEventKind.FINDING_RAISED;
    }

    @Override
    public String target() {
        return "audit-finding:" + auditId + "/" + reference;
    }

    @Override
    public String summary() {
        return kind.wireName() + " " + reference + " raised";
    }
}
