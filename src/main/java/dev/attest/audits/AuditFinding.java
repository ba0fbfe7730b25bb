package dev.attest.audits;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A finding of the auditor's, with the client's answer. Only the auditor closes it.
 *
 * @param status {@code open}, {@code answered} or {@code closed}
 */
public record AuditFinding(UUID id, UUID auditId, String reference, FindingKind kind, String title, String description,
                           List<String> requirements, List<String> controls, String clientResponse, String rootCause,
                           String correctiveAction, String owner, LocalDate dueOn, String status, String raisedBy) {

    public AuditFinding {
        requirements = List.copyOf(requirements);
        controls = List.copyOf(controls);
    }

    public boolean closed() {
        return "closed".equals(status);
    }

    /** An open major nonconformity keeps the audit from being completed. */
    public boolean blocksCompletion() {
        return kind == FindingKind.MAJOR_NONCONFORMITY && !closed();
    }
}
