package dev.attest.monitoring.internal;

import dev.attest.identity.WorkspaceId;
import dev.attest.monitoring.Check;
import dev.attest.monitoring.CheckTally;
import dev.attest.monitoring.Evaluation;
import dev.attest.monitoring.MonitoringRunRecorded;
import lombok.RequiredArgsConstructor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The last step of every run (a push, a collection, a removal, a full or a partial run): what it is remembered by. */
@Component
@RequiredArgsConstructor
class RunRecorder {

    private final WorkspaceChecks checks;
    private final ResultStore results;
    private final TallyStore tallyStore;
    private final ResultEvidence resultEvidence;
    private final RunWriter writer;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    /** Writes a run's evidence, its evaluation row and its one audit entry; in the run's transaction. */
    Evaluation finish(WorkspaceId workspace, String trigger, String actor, Instant started, Instant at, int resourceCount,
                      RunWriter.Changes changes) {
        writer.flushTallies(workspace, changes, at);
        UUID evidenceId = resultEvidence.delta(workspace, trigger, at, changes, List.of());
        List<Check> all = checks.all(workspace);
        Map<String, CheckTally> tallies = tallyStore.tallies(workspace);
        int failing = (int) tallies.values().stream().filter(t -> t.failed() > 0).count();
        int passed = tallies.values().stream().mapToInt(CheckTally::passed).sum();
        int failed = tallies.values().stream().mapToInt(CheckTally::failed).sum();
        Evaluation evaluation = new Evaluation(UUID.randomUUID(), trigger, started, clock.instant(), resourceCount, tallies.size() - failing,
                failing, Math.max(0, all.size() - tallies.size()), passed, failed, evidenceId, changes.changed, changes.opened,
                changes.reopened, changes.closed);
        results.saveEvaluation(workspace, evaluation);
        events.publishEvent(new MonitoringRunRecorded(workspace, trigger, actor, resourceCount, changes.changed, changes.opened,
                changes.reopened, changes.closed));
        return evaluation;
    }
}
