package dev.attest.monitoring;

import java.time.Instant;
import java.util.UUID;

/** A stored resource with where and when it came from: a connection's run, a push or an import. */
public record StoredResource(Resource resource, String source, UUID connectionId, Instant collectedAt) {
}
