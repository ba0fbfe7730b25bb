package dev.attest.audits;

import dev.attest.identity.RecordedAs;
import dev.attest.identity.WorkspaceId;

import java.util.UUID;

/** An auditor was given access to one audit. */
@RecordedAs("audits.auditor-invited")
public record AuditorInvited(WorkspaceId workspaceId, String actor, UUID auditId, String email, java.time.LocalDate accessEnds) implements AuditEvent.OfAudit {

    @Override
    public String summary() {
        return email + " may work on the audit until " + (accessEnds == null ? "it ends" : accessEnds.toString());
    }
}
