package dev.attest.audits;

import dev.attest.identity.RecordedAs;
import dev.attest.identity.WorkspaceId;

import java.util.UUID;

/** An audit was planned. */
@RecordedAs("audits.planned")
public record AuditPlanned(WorkspaceId workspaceId, String actor, UUID auditId, String framework, AuditKind kind, String period) implements AuditEvent.OfAudit {

    @Override
    public String summary() {
        return kind.wireName() + " audit planned for " + period;
    }
}
