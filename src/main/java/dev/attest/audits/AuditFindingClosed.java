package dev.attest.audits;

import dev.attest.identity.WorkspaceId;

import java.util.UUID;

/** The auditor closed a finding. */
public record AuditFindingClosed(WorkspaceId workspaceId, String actor, UUID auditId, String reference) implements AuditEvent {

    @Override
    public AuditEventKind eventKind() {
        return AuditEventKind.FINDING_CLOSED;
    }

    @Override
    public String target() {
        return "audit-finding:" + auditId + "/" + reference;
    }

    @Override
    public String summary() {
        return "finding " + reference + " closed";
    }
}
