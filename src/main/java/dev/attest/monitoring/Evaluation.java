package dev.attest.monitoring;

import java.time.Instant;
import java.util.UUID;

/**
 * One monitoring run: a push, a collection, a check saved, or a full pass of every check over the
 * workspace's resources. The check and result counts are the workspace's latest state after the run.
 *
 * @param resources        resources the run received (a push) or read (a full run)
 * @param checksIdle       checks that found no resource of their type
 * @param evidenceId       the evidence holding what this run changed (or the full snapshot); null when nothing changed
 * @param resourcesChanged resources that were new, changed or removed, and so were evaluated
 */
public record Evaluation(UUID id, String trigger, Instant startedAt, Instant finishedAt, int resources, int checksPassing,
                         int checksFailing, int checksIdle, int resultsPassed, int resultsFailed, UUID evidenceId,
                         int resourcesChanged, int findingsOpened, int findingsReopened, int findingsClosed) {
}
