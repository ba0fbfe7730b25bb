package dev.attest.audits;

import dev.attest.identity.RecordedAs;
import dev.attest.identity.WorkspaceId;

import java.util.UUID;

/** An auditor raised a finding. */
@RecordedAs("audits.finding-raised")
public record AuditFindingRaised(WorkspaceId workspaceId, String actor, UUID auditId, String reference, FindingKind kind) implements AuditEvent.OfFinding {

    @Override
    public String summary() {
        return kind.wireName() + " " + reference + " raised";
    }
}
