package dev.attest.people;

import java.time.Instant;
import java.util.UUID;

/** Revoking a departing person's access to one system, due 24 hours after their last day. */
public record OffboardingTask(UUID id, UUID personId, String system, Instant due, Instant confirmedAt, String confirmedBy) {
}
