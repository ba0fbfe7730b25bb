package dev.attest.audits;

import dev.attest.identity.WorkspaceId;

import java.util.UUID;

/** The client answered a finding (response, root cause, corrective action, owner, due date). */
public record AuditFindingAnswered(WorkspaceId workspaceId, String actor, UUID auditId, String reference) implements AuditEvent {

    @Override
    public AuditEventKind eventKind() {
        return AuditEventKind.FINDING_ANSWERED;
    }

    @Override
    public String target() {
        return "audit-finding:" + auditId + "/" + reference;
    }

    @Override
    public String summary() {
        return "finding " + reference + " answered";
    }
}
