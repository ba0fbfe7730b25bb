package dev.attest.audits;

import dev.attest.identity.RecordedAs;
import dev.attest.identity.WorkspaceId;

import java.util.UUID;

/** The client answered a finding (response, root cause, corrective action, owner, due date). */
@RecordedAs("audits.finding-answered")
public record AuditFindingAnswered(WorkspaceId workspaceId, String actor, UUID auditId, String reference) implements AuditEvent.OfFinding {
}
