package dev.attest.audits;

import dev.attest.identity.RecordedAs;
import dev.attest.identity.WorkspaceId;

import java.util.UUID;

/** The audit package was downloaded. */
@RecordedAs("audits.package-exported")
public record AuditPackageExported(WorkspaceId workspaceId, String actor, UUID auditId) implements AuditEvent.OfAudit {

    @Override
    public String summary() {
        return "audit package downloaded";
    }
}
