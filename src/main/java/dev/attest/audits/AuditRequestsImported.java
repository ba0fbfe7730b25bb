package dev.attest.audits;

import dev.attest.identity.WorkspaceId;

import java.util.UUID;

/** A request list was imported from CSV. */
public record AuditRequestsImported(WorkspaceId workspaceId, String actor, UUID auditId, int count) implements AuditEvent {

    @Override
    public AuditEventKind eventKind() {
        return AuditEventKind.REQUESTS_IMPORTED;
    }

    @Override
    public String target() {
        return "audit:" + auditId;
    }

    @Override
    public String summary() {
        return count + " requests imported";
    }
}
