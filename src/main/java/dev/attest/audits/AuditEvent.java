package dev.attest.audits;

import dev.attest.identity.WorkspaceEvent;

import java.util.UUID;

/**
 * A state change in the audits module, one record per fact; the audit trail records each under its
 * {@link dev.attest.identity.RecordedAs} name. What the facts of one audit, one request, one finding
 * or one version of the Statement of Applicability share is said once, in {@link OfAudit},
 * {@link OfRequest}, {@link OfFinding} (both an {@link OfAuditItem}) and {@link OfSoa}.
 */
public sealed interface AuditEvent extends WorkspaceEvent
        permits AuditEvent.OfAudit, AuditEvent.OfAuditItem, AuditEvent.OfSoa, SampleDrawn {

    /** A fact about one audit: its target is the audit. */
    sealed interface OfAudit extends AuditEvent
            permits AuditPlanned, AuditStatusChanged, AuditCompleted, AuditorInvited, AuditMaterialOpened,
            AuditRequestsImported, AuditPackageExported {

        /** The audit the fact is about. */
        UUID auditId();

        @Override
        default String target() {
            return "audit:" + auditId();
        }
    }

    /** A fact about one request or one finding of an audit, each named by its reference within the audit. */
    sealed interface OfAuditItem extends AuditEvent permits OfRequest, OfFinding {

        /** The audit the request or finding belongs to. */
        UUID auditId();

        /** The request's or finding's reference within the audit. */
        String reference();
    }

    /** A fact about one request of an audit: its target is the request. */
    sealed interface OfRequest extends OfAuditItem permits AuditRequestRaised, AuditRequestMoved, AuditEvidenceAttached {

        @Override
        default String target() {
            return "audit-request:" + auditId() + "/" + reference();
        }
    }

    /** A fact about one finding of an audit: its target is the finding, its summary the reference and what happened to it. */
    sealed interface OfFinding extends OfAuditItem permits AuditFindingRaised, AuditFindingAnswered, AuditFindingClosed {

        @Override
        default String target() {
            return "audit-finding:" + auditId() + "/" + reference();
        }

        @Override
        default String summary() {
            return "finding " + reference() + " " + action().substring("audits.finding-".length());
        }
    }

    /** A fact about one version of the Statement of Applicability: its target is the version. */
    sealed interface OfSoa extends AuditEvent permits SoaVersionSaved, SoaApproved {

        /** The version's number. */
        int version();

        @Override
        default String target() {
            return "soa:v" + version();
        }
    }
}
