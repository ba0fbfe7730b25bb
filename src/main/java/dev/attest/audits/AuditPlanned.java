package dev.attest.audits;

import dev.attest.identity.WorkspaceId;

import java.util.UUID;

/** An audit was planned. */
public record AuditPlanned(WorkspaceId workspaceId, String actor, UUID auditId, String framework, AuditKind kind, String period) implements AuditEvent {

    @Override
    public AuditEventKind eventKind() {
        return AuditEventKind.PLANNED;
    }

    @Override
    public String target() {
        return "audit:" + auditId;
    }

    @Override
    public String summary() {
        return kind.wireName() + " audit planned for " + period;
    }
}
