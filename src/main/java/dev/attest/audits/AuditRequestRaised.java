package dev.attest.audits;

import dev.attest.identity.WorkspaceId;

import java.util.UUID;

/** A request was added to an audit's request list. */
public record AuditRequestRaised(WorkspaceId workspaceId, String actor, UUID auditId, String reference, String control) implements AuditEvent {

    @Override
    public AuditEventKind eventKind() {
        return AuditEventKind.REQUEST_RAISED;
    }

    @Override
    public String target() {
        return "audit-request:" + auditId + "/" + reference;
    }

    @Override
    public String summary() {
        return "request " + reference + (control == null ? "" : " for " + control) + " raised";
    }
}
