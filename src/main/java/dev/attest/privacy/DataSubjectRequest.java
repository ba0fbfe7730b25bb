package dev.attest.privacy;

import java.time.Instant;
import java.util.List;
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

    /** Past its deadline at {@code now} while still open. */
    public boolean overdue(Instant now) {
        return open() && !now.isBefore(deadline.dueAt());
    }
}
