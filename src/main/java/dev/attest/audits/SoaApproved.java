package dev.attest.audits;

import dev.attest.identity.WorkspaceId;

/** A Statement of Applicability version was approved. */
public record SoaApproved(WorkspaceId workspaceId, String actor, int version) implements AuditEvent {

    @Override
    public AuditEventKind eventKind() {
        return AuditEventKind.SOA_APPROVED;
    }

    @Override
    public String target() {
        return "soa:v" + version;
    }

    @Override
    public String summary() {
        return "Statement of Applicability version " + version + " approved";
    }
}
