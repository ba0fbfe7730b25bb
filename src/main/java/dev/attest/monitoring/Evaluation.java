package dev.attest.monitoring;

import java.time.Instant;
import java.util.UUID;

/**
 * One pass of every check over the workspace's current resources.
 *
 * @param checksIdle checks that found no resource of their type
 * @param evidenceId the evidence holding this evaluation's full results
 */
public record Evaluation(UUID id, String trigger, Instant startedAt, Instant finishedAt, int resources, int checksPassing,
                         int checksFailing, int checksIdle, int resultsPassed, int resultsFailed, UUID evidenceId) {
}
