package dev.attest.audits;

import dev.attest.identity.WorkspaceId;

import java.util.UUID;

/** An auditor was given access to one audit. */
public record AuditorInvited(WorkspaceId workspaceId, String actor, UUID auditId, String email, java.time.LocalDate accessEnds) implements AuditEvent {

    @Override
    public AuditEventKind eventKind() {
        return AuditEventKind.AUDITOR_INVITED;
    }

    @Override
    public String target() {
        return "audit:" + auditId;
    }

    @Override
    public String summary() {
        return email + " may work on the audit until " + (accessEnds == null ? "it ends" : accessEnds.toString());
    }
}
