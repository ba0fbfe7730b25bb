package dev.attest.monitoring.internal;

import dev.attest.identity.WorkspaceId;
import dev.attest.monitoring.Connection;
import dev.attest.monitoring.ConnectionRun;
import dev.attest.monitoring.ConnectionRunFinished;
import dev.attest.monitoring.ConnectionSaved;
import dev.attest.monitoring.Resource;
import dev.attest.web.InvalidFieldException;
import dev.attest.web.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Connections and their runs. A run collects, replaces the connection's resources and evaluates the
 * ones that changed; a run that fails (target down, credentials refused) is recorded with its message and
 * changes nothing else, so no control turns failing because a target could not be reached.
 */
@Service
public class Connections implements dev.attest.monitoring.ConnectionRuns {

    private static final Logger log = LoggerFactory.getLogger(Connections.class);
    static final int DEFAULT_INTERVAL = 60;
    static final int MAX_ATTEMPTS = 3;

    /** What someone submits to create or change a connection; null secrets keep the stored ones. */
    public record Draft(String name, String kind, String target, Map<String, String> secrets, Integer intervalMinutes, Boolean enabled) {
    }

    private final ConnectionStore store;
    private final CollectorTargets targets;
    private final Map<String, Collector> collectors;
    private final SecretBox secrets;
    private final ResourceIntake intake;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Connections(ConnectionStore store, CollectorTargets targets, List<Collector> collectors, SecretBox secrets, ResourceIntake intake,
                ApplicationEventPublisher events, Clock clock) {
        this.store = store;
        this.targets = targets;
        this.collectors = collectors.stream().collect(Collectors.toMap(Collector::kind, Function.identity()));
        this.secrets = secrets;
        this.intake = intake;
        this.events = events;
        this.clock = clock;
    }

    public Set<String> kinds() {
        return new TreeSet<>(collectors.keySet());
    }

    public Map<String, String> targetHints() {
        Map<String, String> hints = new LinkedHashMap<>();
        kinds().forEach(k -> hints.put(k, collectors.get(k).targetHint()));
        return hints;
    }

    /** The credentials a connection of this kind takes, for its form; none for a kind that does not exist. */
    public List<CredentialField> credentials(String kind) {
        Collector collector = kind == null ? null : collectors.get(kind);
        return collector == null ? List.of() : collector.credentials();
    }

    @Transactional
    public Connection create(WorkspaceId workspace, Draft draft, String actor) {
        validate(draft, true);
        UUID id = UUID.randomUUID();
        Map<String, String> given = draft.secrets() == null ? Map.of() : draft.secrets();
        ConnectionStore.Row row = new ConnectionStore.Row(id, workspace, draft.name().strip(), draft.kind(), draft.target().strip(),
                given.isEmpty() ? null : secrets.seal(Documents.write(given)),
                draft.intervalMinutes() == null ? DEFAULT_INTERVAL : draft.intervalMinutes(),
                draft.enabled() == null || draft.enabled(), clock.instant());
        store.insert(row, actor, clock.instant());
        events.publishEvent(new ConnectionSaved(workspace, id, row.name(), "created", actor));
        return view(workspace, row);
    }

    @Transactional
    public Connection update(WorkspaceId workspace, UUID id, Draft draft, String actor) {
        ConnectionStore.Row current = row(workspace, id);
        Draft merged = new Draft(draft.name() == null ? current.name() : draft.name(), current.kind(),
                draft.target() == null ? current.target() : draft.target(), draft.secrets(),
                draft.intervalMinutes() == null ? current.intervalMinutes() : draft.intervalMinutes(),
                draft.enabled() == null ? current.enabled() : draft.enabled());
        validate(merged, false);
        return save(workspace, current, merged, draft.secrets(), actor);
    }

    /**
     * Changes a connection as its page's form does: a secret left out or blank keeps its stored value, since
     * the page never shows secrets back; only the secrets given are checked.
     */
    @Transactional
    public Connection edit(WorkspaceId workspace, UUID id, Draft draft, String actor) {
        ConnectionStore.Row current = row(workspace, id);
        Map<String, String> given = new LinkedHashMap<>();
        if (draft.secrets() != null) {
            draft.secrets().forEach((name, value) -> {
                if (value != null && !value.isBlank()) {
                    given.put(name, value);
                }
            });
        }
        Draft merged = new Draft(draft.name() == null ? current.name() : draft.name(), current.kind(),
                draft.target() == null ? current.target() : draft.target(), given,
                draft.intervalMinutes() == null ? current.intervalMinutes() : draft.intervalMinutes(),
                draft.enabled() == null ? current.enabled() : draft.enabled());
        validate(merged, false);
        Map<String, String> kept = new LinkedHashMap<>();
        try {
            kept.putAll(storedSecrets(current));
        } catch (GeneralSecurityException e) {
            // sealed under another master key: what is given now replaces what cannot be read
        }
        kept.putAll(given);
        return save(workspace, current, merged, given.isEmpty() ? null : kept, actor);
    }

    private Connection save(WorkspaceId workspace, ConnectionStore.Row current, Draft merged, Map<String, String> newSecrets, String actor) {
        UUID id = current.id();
        String sealed = newSecrets == null ? current.sealedSecret() : newSecrets.isEmpty() ? null : secrets.seal(Documents.write(newSecrets));
        ConnectionStore.Row row = new ConnectionStore.Row(id, workspace, merged.name().strip(), current.kind(), merged.target().strip(),
                sealed, merged.intervalMinutes(), merged.enabled(), current.nextRunAt());
        store.update(row);
        events.publishEvent(new ConnectionSaved(workspace, id, row.name(), "changed", actor));
        return view(workspace, row);
    }

    private void validate(Draft draft, boolean creating) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (draft.name() == null || draft.name().isBlank() || draft.name().length() > 200) {
            errors.put("name", "a name of 1 to 200 characters");
        }
        if (creating && (draft.kind() == null || !collectors.containsKey(draft.kind()))) {
            errors.put("kind", "one of " + String.join(", ", kinds()));
        }
        if (draft.target() == null || draft.target().isBlank() || draft.target().length() > 1000) {
            Collector collector = draft.kind() == null ? null : collectors.get(draft.kind());
            errors.put("target", collector == null ? "what to read" : collector.targetHint());
        } else if (draft.kind() != null && collectors.containsKey(draft.kind())) {
            try {
                targets.check(draft.kind(), draft.target());
            } catch (CollectorTargets.Refused e) {
                errors.put("target", e.getMessage());
            }
        }
        Collector described = draft.kind() == null ? null : collectors.get(draft.kind());
        if (described != null && draft.secrets() != null) {
            for (CredentialField field : described.credentials()) {
                String value = draft.secrets().get(field.name());
                String problem = value == null || value.isBlank() ? null : field.problem(value);
                if (problem != null) {
                    errors.put("secrets." + field.name(), problem);
                }
            }
        }
        if (draft.intervalMinutes() != null && (draft.intervalMinutes() < 5 || draft.intervalMinutes() > 10080)) {
            errors.put("intervalMinutes", "between 5 minutes and 7 days (10080)");
        }
        if (!errors.isEmpty()) {
            throw new InvalidFieldException(errors);
        }
    }

    @Transactional
    public void delete(WorkspaceId workspace, UUID id, String actor) {
        ConnectionStore.Row row = row(workspace, id);
        store.delete(workspace, id);
        events.publishEvent(new ConnectionSaved(workspace, id, row.name(), "deleted", actor));
    }

    @Transactional(readOnly = true)
    public List<Connection> list(WorkspaceId workspace) {
        return store.all(workspace).stream().map(r -> view(workspace, r)).toList();
    }

    @Override
    @Transactional(readOnly = true)
    public Connection get(WorkspaceId workspace, UUID id) {
        return view(workspace, row(workspace, id));
    }

    @Transactional(readOnly = true)
    public List<ConnectionRun> runs(WorkspaceId workspace, UUID id, int limit) {
        row(workspace, id);
        return store.runs(workspace, id, Math.max(1, Math.min(limit, 500)));
    }

    @Transactional(readOnly = true)
    public ConnectionRun run(WorkspaceId workspace, UUID runId) {
        return store.run(workspace, runId).orElseThrow(() -> new NotFoundException("No run " + runId));
    }

    private ConnectionStore.Row row(WorkspaceId workspace, UUID id) {
        return store.find(workspace, id).orElseThrow(() -> new NotFoundException("No connection " + id));
    }

    private Connection view(WorkspaceId workspace, ConnectionStore.Row row) {
        Set<String> names = new TreeSet<>();
        if (row.sealedSecret() != null) {
            try {
                names.addAll(Documents.read(secrets.open(row.sealedSecret())).keySet());
            } catch (GeneralSecurityException | RuntimeException e) {
                names.add("(unreadable: sealed under another master key)");
            }
        }
        List<ConnectionRun> last = store.runs(workspace, row.id(), 1);
        return new Connection(row.id(), row.name(), row.kind(), row.target(), names, row.intervalMinutes(), row.enabled(),
                row.nextRunAt(), last.isEmpty() ? null : last.get(0));
    }

    /** Runs synchronously (access reviews and tests). */
    @Override
    public ConnectionRun runAndWait(WorkspaceId workspace, UUID id, String trigger) {
        ConnectionStore.Row row = row(workspace, id);
        ConnectionRun run = new ConnectionRun(UUID.randomUUID(), row.id(), trigger, "running", "starting", clock.instant(), null, null,
                null, null);
        store.startRun(row.workspace(), run);
        execute(row, run, "system", null);
        return store.run(workspace, run.id()).orElseThrow();
    }

    /**
     * Queues a run of the connection; with a claim the requesting node has taken it for itself. Answers the
     * run, {@code running} until a node finishes it.
     */
    ConnectionRun enqueue(WorkspaceId workspace, UUID id, String trigger, String actor, String claim, Duration lease) {
        ConnectionStore.Row row = row(workspace, id);
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
            finish(row, run, claim, "failed", System.nanoTime(), null,
                    "abandoned: the node running it stopped " + MAX_ATTEMPTS + " times", "system");
            return;
        }
        execute(row, run, queued.actor() == null ? "system" : queued.actor(), claim);
    }

    /** Queues a run of every due connection, once; called by the scheduled job under its cluster lock. */
    public int runDue() {
        Instant now = clock.instant();
        int count = 0;
        for (ConnectionStore.Row row : store.due(now)) {
            // Move the next run first, so that the next tick does not queue the same connection again.
            store.scheduleNext(row.id(), now.plus(Duration.ofMinutes(row.intervalMinutes())));
            enqueue(row.workspace(), row.id(), "schedule", "system", null, Duration.ZERO);
            count++;
        }
        return count;
    }

    private void execute(ConnectionStore.Row row, ConnectionRun run, String actor, String claim) {
        long started = System.nanoTime();
        Collector collector = collectors.get(row.kind());
        try {
            if (collector == null) {
                throw new Collector.CollectionFailed("no collector for kind '" + row.kind() + "'");
            }
            try {
                // Again at every run: the operator's policy or the name's addresses may have changed since it was saved.
                targets.check(row.kind(), row.target());
            } catch (CollectorTargets.Refused e) {
                throw new Collector.CollectionFailed("target refused: " + e.getMessage());
            }
            Map<String, String> secretValues = openSecrets(row);
            List<String> problems = new java.util.ArrayList<>();
            List<Resource> collected = collector.collect(row.target(), secretValues, new Collector.Progress() {
                @Override
                public void report(String step) {
                    store.progress(run.id(), step);
                }

                @Override
                public void problem(String message) {
                    synchronized (problems) {
                        problems.add(message);
                    }
                }
            });
            store.progress(run.id(), "evaluating checks over " + collected.size() + " resource(s)");
            // stores, retires what is gone and evaluates what changed, in one transaction
            intake.replaceCollected(row.workspace(), row.id(), "connection:" + row.name(), collected);
            finish(row, run, claim, "succeeded", started, collected.size(), problems.isEmpty() ? null : problemsText(problems), actor);
        } catch (Collector.CollectionFailed e) {
            finish(row, run, claim, "failed", started, null, e.getMessage(), actor);
        } catch (RuntimeException e) {
            log.warn("Connection {} run {} failed", row.id(), run.id(), e);
            finish(row, run, claim, "failed", started, null, "unexpected error: " + e.getClass().getSimpleName() + ": " + e.getMessage(), actor);
        }
    }

    private static String problemsText(List<String> problems) {
        String text = "completed with " + problems.size() + (problems.size() == 1 ? " problem: " : " problems: ") + String.join("; ", problems);
        return text.length() > 4000 ? text.substring(0, 3997) + "..." : text;
    }

    /** The steps an administrator takes before connecting a system of this kind. */
    public List<Collector.SetupStep> setup(String kind) {
        Collector collector = collectors.get(kind);
        if (collector == null) {
            throw new NotFoundException("no connection kind '" + kind + "'; kinds: " + String.join(", ", kinds()));
        }
        return collector.setup();
    }

    /**
     * Tests a connection's stored credentials without storing anything: whether they work, and which
     * permissions are missing.
     */
    public ConnectionTest test(WorkspaceId workspace, UUID id) {
        ConnectionStore.Row row = store.find(workspace, id).orElseThrow(() -> new NotFoundException("no connection " + id));
        Collector collector = collectors.get(row.kind());
        try {
            if (collector == null) {
                throw new Collector.CollectionFailed("no collector for kind '" + row.kind() + "'");
            }
            try {
                targets.check(row.kind(), row.target());
            } catch (CollectorTargets.Refused e) {
                throw new Collector.CollectionFailed("target refused: " + e.getMessage());
            }
            List<String> missing = collector.test(row.target(), openSecrets(row));
            return new ConnectionTest(missing.isEmpty(), missing.isEmpty() ? "Connected: every permission Attest needs is granted."
                    : "Connected, but " + missing.size() + (missing.size() == 1 ? " permission is" : " permissions are") + " missing.", missing);
        } catch (Collector.CollectionFailed e) {
            return new ConnectionTest(false, e.getMessage(), List.of());
        }
    }

    /** The outcome of a connection test. */
    public record ConnectionTest(boolean ok, String message, List<String> missingPermissions) {
    }

    private Map<String, String> openSecrets(ConnectionStore.Row row) throws Collector.CollectionFailed {
        try {
            return storedSecrets(row);
        } catch (GeneralSecurityException e) {
            throw new Collector.CollectionFailed("the connection's secrets cannot be decrypted with this master key");
        }
    }

    private Map<String, String> storedSecrets(ConnectionStore.Row row) throws GeneralSecurityException {
        Map<String, String> secretValues = new LinkedHashMap<>();
        if (row.sealedSecret() != null) {
            Documents.read(secrets.open(row.sealedSecret())).forEach((k, v) -> secretValues.put(k, String.valueOf(v)));
        }
        return secretValues;
    }

    private void finish(ConnectionStore.Row row, ConnectionRun run, String claim, String status, long startedNanos, Integer resources,
                        String error, String actor) {
        if (store.finishRun(run.id(), claim, status, clock.instant(), (System.nanoTime() - startedNanos) / 1_000_000, resources, error)) {
            events.publishEvent(new ConnectionRunFinished(row.workspace(), row.id(), run.id(), status, resources, error, actor));
        } else {
            log.warn("Run {} of connection {} was taken over by another node; this node's outcome is dropped", run.id(), row.id());
        }
    }
}
