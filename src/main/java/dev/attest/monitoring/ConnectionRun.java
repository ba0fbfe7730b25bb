package dev.attest.monitoring;

import java.time.Instant;
import java.util.UUID;

/**
 * One run of a connection's collector.
 *
 * @param status   {@code running}, {@code succeeded} or {@code failed}
 * @param progress the step it is at, while it runs
 * @param error    why it failed, for people; a failed run changes no resource and no control. On a run that
 *                 succeeded, what it could not read (for example a missing permission), or null
 */
public record ConnectionRun(UUID id, UUID connectionId, String trigger, String status, String progress, Instant startedAt,
                            Instant finishedAt, Long durationMs, Integer resourcesSeen, String error) {
}
