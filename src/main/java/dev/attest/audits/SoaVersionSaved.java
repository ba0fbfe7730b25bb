package dev.attest.audits;

import dev.attest.identity.WorkspaceId;

/** A Statement of Applicability version was created or edited. */
public record SoaVersionSaved(WorkspaceId workspaceId, String actor, int version, String change) implements AuditEvent {

    @Override
    public AuditEventKind eventKind() {
        return AuditEventKind.SOA_SAVED;
    }

    @Override
    public String target() {
        return "soa:v" + version;
    }

    @Override
    public String summary() {
        return change;
    }
}
