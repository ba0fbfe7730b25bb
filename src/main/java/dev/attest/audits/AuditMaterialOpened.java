package dev.attest.audits;

import dev.attest.identity.RecordedAs;
import dev.attest.identity.WorkspaceId;

import java.util.UUID;

/** An auditor opened or downloaded something of an audit: every read of theirs is on the trail. */
@RecordedAs("audits.opened")
public record AuditMaterialOpened(WorkspaceId workspaceId, String actor, UUID auditId, String what) implements AuditEvent.OfAudit {

    @Override
    public String summary() {
        return "opened " + what;
    }
}
