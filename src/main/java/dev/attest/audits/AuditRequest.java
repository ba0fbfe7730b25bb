package dev.attest.audits;

import dev.attest.web.InvalidFieldException;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * One item of an audit's request list ("provided by client"): what the auditor needs, for which
 * control, from whom, by when, where it stands, and the evidence attached by ledger entry.
 *
 * @param control  the control the request is about, or null for a free-text request
 * @param comment  the auditor's comment when flagged
 */
public record AuditRequest(UUID id, UUID auditId, String reference, String request, String control, String assignee,
                           LocalDate dueOn, RequestStatus status, String comment, List<AttachedEvidence> evidence) {

    public AuditRequest {
        evidence = List.copyOf(evidence);
    }

    /** Evidence attached to a request: its id and its place in the ledger. */
    public record AttachedEvidence(UUID evidenceId, long ledgerSeq, String sha256) {
    }

    /** The status after the action, or a 400 naming {@code action} (or {@code comment} for a flag without one). */
    public RequestStatus next(RequestAction action, String flagComment) {
        RequestStatus next = switch (action) {
            case SUBMIT -> status == RequestStatus.OPEN ? RequestStatus.SUBMITTED : status == RequestStatus.FLAGGED ? RequestStatus.RESUBMITTED : null;
            case ACCEPT -> status == RequestStatus.SUBMITTED || status == RequestStatus.RESUBMITTED ? RequestStatus.ACCEPTED : null;
            case FLAG -> status == RequestStatus.SUBMITTED || status == RequestStatus.RESUBMITTED ? RequestStatus.FLAGGED : null;
        };
        if (next == null) {
            throw new InvalidFieldException("action", action.wireName() + " is not possible while the request is " + status.wireName());
        }
        if (action == RequestAction.FLAG && (flagComment == null || flagComment.isBlank())) {
            throw new InvalidFieldException("comment", "say what is missing or wrong when flagging");
        }
        return next;
    }

    /** Whether the client still owes it past its due date. */
    public boolean overdue(LocalDate today) {
        return dueOn != null && status.awaitingClient() && dueOn.isBefore(today);
    }
}
