package dev.attest.audits;

import dev.attest.identity.RecordedAs;
import dev.attest.identity.WorkspaceId;

/** A Statement of Applicability version was created or edited. */
@RecordedAs("audits.soa-saved")
public record SoaVersionSaved(WorkspaceId workspaceId, String actor, int version, String change) implements AuditEvent.OfSoa {

    @Override
    public String summary() {
        return change;
    }
}
