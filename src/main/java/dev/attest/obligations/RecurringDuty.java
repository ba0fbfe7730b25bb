package dev.attest.obligations;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A recurring duty the workspace scheduled, and when it is next due (the whole day counts). */
public record RecurringDuty(UUID id, DutyKind kind, String title, String owner, LocalDate nextDue,
                            Instant lastDoneAt, String lastDoneBy) {
}
