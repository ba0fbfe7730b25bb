package dev.attest.audits;

import dev.attest.identity.WorkspaceId;

import java.util.UUID;

/** An auditor opened or downloaded something of an audit: every read of theirs is on the trail. */
public record AuditMaterialOpened(WorkspaceId workspaceId, String actor, UUID auditId, String what) implements AuditEvent {

    @Override
    public AuditEventKind eventKind() {
        return AuditEventKind.OPENED;
    }

    @Override
    public String target() {
        return "audit:" + auditId;
    }

    @Override
    public String summary() {
        return "opened " + what;
    }
}
