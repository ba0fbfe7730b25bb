package dev.attest.monitoring;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * A configured collector: what it reads (kind and target), how often, and its latest run. Secrets are
 * stored encrypted and never returned; {@code secretNames} says which are set.
 */
public record Connection(UUID id, String name, String kind, String target, Set<String> secretNames, int intervalMinutes,
                         boolean enabled, Instant nextRunAt, ConnectionRun lastRun) {
}
