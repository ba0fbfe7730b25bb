package dev.attest.audits;

import dev.attest.identity.WorkspaceId;

import java.util.UUID;

/** The audit package was downloaded. */
public record AuditPackageExported(WorkspaceId workspaceId, String actor, UUID auditId) implements AuditEvent {

    @Override
    public AuditEventKind eventKind() {
        return AuditEventKind.PACKAGE_EXPORTED;
    }

    @Override
    public String target() {
        return "audit:" + auditId;
    }

    @Override
    public String summary() {
        return "audit package downloaded";
    }
}
