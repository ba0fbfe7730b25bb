package dev.attest.privacy;

import java.time.Instant;
import java.time.LocalDate;

/**
 * When a data-subject request must be answered.
 *
 * @param dueDate the last calendar day to answer, in the workspace's time zone
 * @param dueAt   the first instant past the deadline (the start of the day after {@code dueDate})
 */
public record RequestDeadline(LocalDate dueDate, Instant dueAt) {
}
