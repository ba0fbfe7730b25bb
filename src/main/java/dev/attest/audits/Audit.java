package dev.attest.audits;

import dev.attest.web.InvalidFieldException;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * An audit engagement: which framework and scope, what kind of examination, by whom, over which
 * period, and where it stands. Its state changes are methods returning the changed audit.
 *
 * @param scope         what is in scope: SOC 2 categories, ISO clauses and Annex A refs, PCI requirements
 *                      (empty means the whole framework)
 * @param reportIssuedOn the signed report's date, once completed
 */
public record Audit(UUID id, String framework, AuditKind kind, List<String> scope, String firm, String leadAuditor,
                    LocalDate periodStart, LocalDate periodEnd, LocalDate fieldworkStart, LocalDate fieldworkEnd,
                    AuditStatus status, LocalDate reportIssuedOn, String reportSha256, Instant createdAt, String createdBy) {

    public Audit {
        scope = List.copyOf(scope);
    }

    /** Whether a day lies in the audit period (both ends included). */
    public boolean inPeriod(LocalDate day) {
        return !day.isBefore(periodStart) && !day.isAfter(periodEnd);
    }

    /** The audit after the action, or a 400 naming {@code action} when its status does not allow it. */
    public Audit apply(AuditAction action) {
        AuditStatus next = switch (action) {
            case START_FIELDWORK -> status == AuditStatus.PLANNING ? AuditStatus.FIELDWORK : null;
            case START_REPORTING -> status == AuditStatus.FIELDWORK ? AuditStatus.REPORTING : null;
            case WITHDRAW -> status.ended() ? null : AuditStatus.WITHDRAWN;
        };
        if (next == null) {
            throw new InvalidFieldException("action", action.wireName() + " is not possible while the audit is " + status.wireName());
        }
        return withStatus(next);
    }

    /** The completed audit with its signed report; only from reporting. */
    public Audit complete(LocalDate issuedOn, String sha256) {
        if (status != AuditStatus.REPORTING) {
            throw new InvalidFieldException("status", "an audit is completed from reporting, this one is " + status.wireName());
        }
        return new Audit(id, framework, kind, scope, firm, leadAuditor, periodStart, periodEnd, fieldworkStart, fieldworkEnd,
                AuditStatus.COMPLETED, issuedOn, sha256, createdAt, createdBy);
    }

    public Audit withStatus(AuditStatus next) {
        return new Audit(id, framework, kind, scope, firm, leadAuditor, periodStart, periodEnd, fieldworkStart, fieldworkEnd,
                next, reportIssuedOn, reportSha256, createdAt, createdBy);
    }

    /** "2026-01-01 to 2026-06-30", or the one date of a point-in-time audit. */
    public String periodText() {
        return periodStart.equals(periodEnd) ? periodStart.toString() : periodStart + " to " + periodEnd;
    }
}
