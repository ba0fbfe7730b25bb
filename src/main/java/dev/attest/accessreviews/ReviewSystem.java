package dev.attest.accessreviews;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * A system whose accounts are reviewed: where its accounts come from (kind and connection or target)
 * and who owns it (the default reviewer and the assignee of its remediation tasks).
 *
 * @param secretNames which secrets are set; their values are never returned
 * @param lastError   why the last collection failed, null when it succeeded
 */
public record ReviewSystem(UUID id, String name, String kind, String ownerEmail, UUID connectionId, String target,
                           java.util.Map<String, String> settings, Set<String> secretNames, Instant lastCollectedAt,
                           String lastError, int accounts) {
}
