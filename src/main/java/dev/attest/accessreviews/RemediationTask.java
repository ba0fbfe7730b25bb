package dev.attest.accessreviews;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * What a system owner must do after a revoke or change decision, and how it was closed.
 *
 * @param roles            for a change, the roles the account should end up with
 * @param exceptionUntil   for an exception, until when it is accepted
 */
public record RemediationTask(UUID id, UUID campaignId, UUID itemId, UUID systemId, String systemName, String accountId,
                              Decision action, List<String> roles, String assignee, TaskStatus status, LocalDate dueOn,
                              Instant createdAt, Instant closedAt, String closedBy, String note, LocalDate exceptionUntil) {

    public RemediationTask {
        roles = roles == null ? List.of() : List.copyOf(roles);
    }

    /** Whether the account as now collected shows the task done: gone (or inactive) for a revoke, the asked roles for a change. */
    public boolean doneBy(Account now) {
        if (action == Decision.REVOKE) {
            return now == null || !now.active();
        }
        return now != null && now.roles().equals(roles.stream().sorted().distinct().toList());
    }
}
