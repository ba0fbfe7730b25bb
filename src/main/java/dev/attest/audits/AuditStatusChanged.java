package dev.attest.audits;

import dev.attest.identity.RecordedAs;
import dev.attest.identity.WorkspaceId;

import java.util.UUID;

/** An audit moved on (fieldwork, reporting) or was withdrawn. */
@RecordedAs("audits.status-changed")
public record AuditStatusChanged(WorkspaceId workspaceId, String actor, UUID auditId, AuditStatus from, AuditStatus to) implements AuditEvent.OfAudit {

    @Override
    public String summary() {
        return "audit moved from " + from.wireName() + " to " + to.wireName();
    }
}
