package dev.attest.audits;

import dev.attest.identity.RecordedAs;
import dev.attest.identity.WorkspaceId;

import java.util.UUID;

/** An audit was completed with its signed report. */
@RecordedAs("audits.completed")
public record AuditCompleted(WorkspaceId workspaceId, String actor, UUID auditId, String framework, java.time.LocalDate issuedOn, String reportSha256) implements AuditEvent.OfAudit {

    @Override
    public String summary() {
        return "audit completed, report of " + issuedOn + " (sha256 " + reportSha256.substring(0, 12) + ")";
    }
}
