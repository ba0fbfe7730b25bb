package dev.attest.privacy;

import jakarta.validation.constraints.Size;

import java.util.Locale;

/**
 * Who handles a request and owns its deadline on the calendar.
 *
 * @param assignee a member's email in lower case; null gives the request to nobody
 */
public record AssignRequest(@Size(max = 254, message = "is not a member of this workspace") String assignee) {

    public AssignRequest {
        assignee = assignee == null || assignee.isBlank() ? null : assignee.strip().toLowerCase(Locale.ROOT);
    }
}
