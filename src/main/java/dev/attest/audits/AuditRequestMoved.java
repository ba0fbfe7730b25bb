package dev.attest.audits;

import dev.attest.identity.WorkspaceId;

import java.util.UUID;

/** A request changed status (submitted, accepted, flagged, resubmitted). */
public record AuditRequestMoved(WorkspaceId workspaceId, String actor, UUID auditId, String reference, RequestStatus from, RequestStatus to) implements AuditEvent {

    @Override
    public AuditEventKind eventKind() {
        return AuditEventKind.REQUEST_MOVED;
    }

    @Override
    public String target() {
        return "audit-request:" + auditId + "/" + reference;
    }

    @Override
    public String summary() {
        return "request " + reference + " " + from.wireName() + " -> " + to.wireName();
    }
}
