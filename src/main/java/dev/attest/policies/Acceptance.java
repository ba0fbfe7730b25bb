package dev.attest.policies;

import java.time.Instant;
import java.util.UUID;

/** A person accepted one exact published version of a policy, from an address, at a time. */
public record Acceptance(UUID policyId, UUID versionId, int versionNumber, String email, String versionHash,
                         Instant acceptedAt, String address) {
}
