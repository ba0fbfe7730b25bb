package dev.attest.monitoring.internal;

import dev.attest.monitoring.ConnectionRun;
import dev.attest.monitoring.ConnectionRunFinished;
import dev.attest.monitoring.ConnectionRunFinished.ConnectionRunFailed;
import dev.attest.monitoring.ConnectionRunFinished.ConnectionRunSucceeded;
import dev.attest.monitoring.Resource;
import dev.attest.identity.WorkspaceId;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Runs of connections: queued by schedule or by hand, claimed by a node, and done here. A run collects,
 * replaces the connection's resources and evaluates the ones that changed; a run that fails (target down,
 * credentials refused) is recorded with its message and changes nothing else, so no control turns failing
 * because a target could not be reached. Tests of a connection's credentials go the same way, storing nothing.
 */
@Component
@RequiredArgsConstructor
class ConnectionRunner {

    private static final Logger log = LoggerFactory.getLogger(ConnectionRunner.class);
    static final int MAX_ATTEMPTS = 3;

    private final ConnectionStore store;
    private final CollectorKinds kinds;
    private final ConnectionSecrets secrets;
    private final ResourceIntake intake;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    /** Runs synchronously (access reviews and tests). */
    ConnectionRun runAndWait(ConnectionStore.Row row, String trigger) {
        ConnectionRun run = new ConnectionRun(UUID.randomUUID(), row.id(), trigger, "running", "starting", clock.instant(), null, null,
                null, null);
        store.startRun(row.workspace(), run);
        execute(row, run, "system", null);
        return store.run(row.workspace(), run.id()).orElseThrow();
    }

    /** Queues a run; with a claim the requesting node has taken it for itself. */
    ConnectionRun enqueue(WorkspaceId workspace, ConnectionStore.Row row, String trigger, String actor, String claim, Duration lease) {
        ConnectionRun run = new ConnectionRun(UUID.randomUUID(), row.id(), trigger, "running", claim == null ? "queued" : "starting",
                clock.instant(), null, null, null, null);
        store.enqueue(workspace, run, actor, claim, lease);
        return run;
    }

    /** Does a run this node claimed from the queue; its end is recorded only while the claim holds. */
    void runClaimed(UUID runId, String claim) {
        ConnectionStore.QueuedRun queued = store.queued(runId).orElse(null);
        if (queued == null) {
            return;
        }
        ConnectionStore.Row row = store.find(queued.workspace(), queued.connectionId()).orElse(null);
        ConnectionRun run = store.run(queued.workspace(), runId).orElseThrow();
        if (row == null) {
            store.finishRun(runId, claim, "failed", clock.instant(), 0, null, "the connection was deleted before the run started");
            return;
        }
        if (queued.attempts() > MAX_ATTEMPTS) {
            // a run that takes its node down each time must not take the next one down too
            failed(row, run, claim, System.nanoTime(), "abandoned: the node running it stopped " + MAX_ATTEMPTS + " times", "system");
            return;
        }
        execute(row, run, queued.actor() == null ? "system" : queued.actor(), claim);
    }

    private void execute(ConnectionStore.Row row, ConnectionRun run, String actor, String claim) {
        long started = System.nanoTime();
        try {
            Collector collector = kinds.ready(row.kind(), row.target());
            Map<String, String> secretValues = secrets.open(row);
            List<String> problems = new ArrayList<>();
            List<Resource> collected = collector.collect(row.target(), secretValues, Collector.Progress.of(
                    step -> store.progress(run.id(), step),
                    problem -> {
                        synchronized (problems) {
                            problems.add(problem);
                        }
                    }));
            store.progress(run.id(), "evaluating checks over " + collected.size() + " resource(s)");
            // stores, retires what is gone and evaluates what changed, in one transaction
            intake.replaceCollected(row.workspace(), row.id(), "connection:" + row.name(), collected);
            finish(row, run, claim, started, collected.size(), problems.isEmpty() ? null : problemsText(problems),
                    new ConnectionRunSucceeded(row.workspace(), row.id(), run.id(), collected.size(), actor));
        } catch (Collector.CollectionFailed e) {
            failed(row, run, claim, started, e.getMessage(), actor);
        } catch (RuntimeException e) {
            log.warn("Connection {} run {} failed", row.id(), run.id(), e);
            failed(row, run, claim, started, "unexpected error: " + e.getClass().getSimpleName() + ": " + e.getMessage(), actor);
        }
    }

    private static String problemsText(List<String> problems) {
        String text = "completed with " + problems.size() + (problems.size() == 1 ? " problem: " : " problems: ") + String.join("; ", problems);
        return text.length() > 4000 ? text.substring(0, 3997) + "..." : text;
    }

    /** Tests a connection's stored credentials without storing anything: whether they work, and which permissions are missing. */
    Connections.ConnectionTest test(ConnectionStore.Row row) {
        try {
            Collector collector = kinds.ready(row.kind(), row.target());
            List<String> missing = collector.test(row.target(), secrets.open(row));
            return new Connections.ConnectionTest(missing.isEmpty(), missing.isEmpty() ? "Connected: every permission Attest needs is granted."
                    : "Connected, but " + missing.size() + (missing.size() == 1 ? " permission is" : " permissions are") + " missing.", missing);
        } catch (Collector.CollectionFailed e) {
            return new Connections.ConnectionTest(false, e.getMessage(), List.of());
        }
    }

    private void failed(ConnectionStore.Row row, ConnectionRun run, String claim, long startedNanos, String error, String actor) {
        finish(row, run, claim, startedNanos, null, error, new ConnectionRunFailed(row.workspace(), row.id(), run.id(), error, actor));
    }

    /** Records the run's end (its status from the outcome, the note on its row) and publishes the outcome, while the claim holds. */
    private void finish(ConnectionStore.Row row, ConnectionRun run, String claim, long startedNanos, Integer resources, String note,
                        ConnectionRunFinished outcome) {
        if (store.finishRun(run.id(), claim, outcome.status(), clock.instant(), (System.nanoTime() - startedNanos) / 1_000_000, resources,
                note)) {
            events.publishEvent(outcome);
        } else {
            log.warn("Run {} of connection {} was taken over by another node; this node's outcome is dropped", run.id(), row.id());
        }
    }
}
