package dev.attest.audits;

import dev.attest.identity.RecordedAs;
import dev.attest.identity.WorkspaceId;

import java.util.UUID;

/** A request list was imported from CSV. */
@RecordedAs("audits.requests-imported")
public record AuditRequestsImported(WorkspaceId workspaceId, String actor, UUID auditId, int count) implements AuditEvent.OfAudit {

    @Override
    public String summary() {
        return count + " requests imported";
    }
}
