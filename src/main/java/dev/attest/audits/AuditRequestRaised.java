package dev.attest.audits;

import dev.attest.identity.RecordedAs;
import dev.attest.identity.WorkspaceId;

import java.util.UUID;

/** A request was added to an audit's request list. */
@RecordedAs("audits.request-raised")
public record AuditRequestRaised(WorkspaceId workspaceId, String actor, UUID auditId, String reference, String control) implements AuditEvent.OfRequest {

    @Override
    public String summary() {
        return "request " + reference + (control == null ? "" : " for " + control) + " raised";
    }
}
