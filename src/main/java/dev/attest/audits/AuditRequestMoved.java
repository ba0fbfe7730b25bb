package dev.attest.audits;

import dev.attest.identity.RecordedAs;
import dev.attest.identity.WorkspaceId;

import java.util.UUID;

/** A request changed status (submitted, accepted, flagged, resubmitted). */
@RecordedAs("audits.request-moved")
public record AuditRequestMoved(WorkspaceId workspaceId, String actor, UUID auditId, String reference, RequestStatus from, RequestStatus to) implements AuditEvent.OfRequest {

    @Override
    public String summary() {
        return "request " + reference + " " + from.wireName() + " -> " + to.wireName();
    }
}
