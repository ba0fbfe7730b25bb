package dev.attest.audits;

import dev.attest.identity.WorkspaceEvent;

/** A state change in the audits module, one record per fact; the audit trail records each. */
public sealed interface AuditEvent extends WorkspaceEvent
        permits AuditPlanned, AuditStatusChanged, AuditCompleted, AuditorInvited,
        AuditMaterialOpened, AuditRequestRaised, AuditRequestsImported, AuditRequestMoved,
        AuditEvidenceAttached, SampleDrawn, SoaVersionSaved, SoaApproved,
        AuditFindingRaised, AuditFindingAnswered, AuditFindingClosed, AuditPackageExported {

    /** Which kind of fact this is. */
    AuditEventKind eventKind();

    @Override
    default String action() {
        return eventKind().auditName();
    }
}
