package dev.attest.audits;

import dev.attest.identity.RecordedAs;
import dev.attest.identity.WorkspaceId;

import java.util.UUID;

/** The auditor closed a finding. */
@RecordedAs("audits.finding-closed")
public record AuditFindingClosed(WorkspaceId workspaceId, String actor, UUID auditId, String reference) implements AuditEvent.OfFinding {
}
