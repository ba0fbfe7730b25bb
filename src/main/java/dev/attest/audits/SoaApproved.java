package dev.attest.audits;

import dev.attest.identity.RecordedAs;
import dev.attest.identity.WorkspaceId;

/** A Statement of Applicability version was approved. */
@RecordedAs("audits.soa-approved")
public record SoaApproved(WorkspaceId workspaceId, String actor, int version) implements AuditEvent.OfSoa {

    @Override
    public String summary() {
        return "Statement of Applicability version " + version + " approved";
    }
}
