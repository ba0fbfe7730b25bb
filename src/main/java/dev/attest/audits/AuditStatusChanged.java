package dev.attest.audits;

import dev.attest.identity.WorkspaceId;

import java.util.UUID;

/** An audit moved on (fieldwork, reporting) or was withdrawn. */
public record AuditStatusChanged(WorkspaceId workspaceId, String actor, UUID auditId, AuditStatus from, AuditStatus to) implements AuditEvent {

    @Override
    public AuditEventKind eventKind() {
        return AuditEventKind.STATUS_CHANGED;
    }

    @Override
    public String target() {
        return "audit:" + auditId;
    }

    @Override
    public String summary() {
        return "audit moved from " + from.wireName() + " to " + to.wireName();
    }
}
