package dev.attest.privacy;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A data-subject request and where it stands.
 *
 * @param subject        the requester's personal data, decrypted; null once purged (or when the reader may not see it)
 * @param deadline       the deadline in force (the extended one when extended)
 * @param originalDeadline the deadline before any extension
 * @param status         {@code open} or {@code closed}
 * @param outcome        when closed: {@code fulfilled} or {@code denied}
 * @param assignee       the email of the member handling it, or null
 */
public record DataSubjectRequest(UUID id, String reference, RequestType type, PrivacyLaw law, String channel, String assignee,
                                 DataSubject subject, Instant receivedAt, RequestDeadline deadline,
                                 RequestDeadline originalDeadline, String extensionReason,
                                 Instant identityVerifiedAt, String identityMethod, List<RequestTask> tasks,
                                 Instant responseSentAt, String responseNote, String status, String outcome,
                                 Instant closedAt, String closedBy, String closureReason, Instant purgedAt) {

    public boolean open() {
        return "open".equals(status);
    }

    public boolean extended() {
        return extensionReason != null;
    }

    public boolean identityVerified() {
        return identityVerifiedAt != null;
    }

    public long openTasks() {
        return tasks.stream().filter(t -> !t.done()).count();
    }

    /** Whether a task for this system (in any case) is already on the request. */
    public boolean hasTaskFor(String system) {
        return tasks.stream().anyMatch(t -> t.system().equalsIgnoreCase(system));
    }

    /** The task, if it is one of this request's. */
    public java.util.Optional<RequestTask> task(UUID taskId) {
        return tasks.stream().filter(t -> t.id().equals(taskId)).findFirst();
    }

    /**
     * What stands in the way of closing: fulfilled needs the identity verified and every system task
     * done, denied needs the reason, and both need the response sent. Empty when it may close.
     */
    public Map<String, String> closingProblems(CloseRequest close) {
        Map<String, String> problems = new LinkedHashMap<>();
        if (close.outcome() == RequestOutcome.FULFILLED) {
            if (!identityVerified()) {
                problems.put("identity", "verify the requester's identity first");
            }
            if (openTasks() > 0) {
                problems.put("tasks", openTasks() + " system task(s) still open");
            }
        } else if (close.reason() == null) {
            problems.put("reason", "a denied request needs the reason given to the requester");
        }
        if (responseSentAt == null) {
            problems.put("response", "record the response sent to the requester first");
        }
        return problems;
    }

    /** Past its deadline at {@code now} while still open. */
    public boolean overdue(Instant now) {
        return open() && !now.isBefore(deadline.dueAt());
    }
}
