package dev.attest.accessreviews;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One entry of an account's append-only decision history: who decided what, when, and why. */
public record DecisionRecord(UUID id, UUID itemId, Decision decision, List<String> roles, String comment, String decidedBy,
                             Instant decidedAt) {

    public DecisionRecord {
        roles = roles == null ? List.of() : List.copyOf(roles);
    }
}
