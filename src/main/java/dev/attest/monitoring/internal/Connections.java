package dev.attest.monitoring.internal;

import dev.attest.identity.WorkspaceId;
import dev.attest.monitoring.Connection;
import dev.attest.monitoring.ConnectionRun;
import dev.attest.monitoring.ConnectionSaved.ConnectionChanged;
import dev.attest.monitoring.ConnectionSaved.ConnectionCreated;
import dev.attest.monitoring.ConnectionSaved.ConnectionDeleted;
import dev.attest.web.InvalidFieldException;
import dev.attest.web.NotFoundException;
import lombok.RequiredArgsConstructor;
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
import java.util.UUID;

/**
 * Connections: created, changed and deleted with their sealed secrets, listed with their latest run; their
 * runs and tests are done by {@link ConnectionRunner}, the collectors found by {@link CollectorKinds}.
 */
@Service
@RequiredArgsConstructor
public class Connections implements dev.attest.monitoring.ConnectionRuns {

    static final int DEFAULT_INTERVAL = 60;

    /** What someone submits to create or change a connection; null secrets keep the stored ones. */
    public record Draft(String name, String kind, String target, Map<String, String> secrets, Integer intervalMinutes, Boolean enabled) {
    }

    /** The outcome of a connection test. */
    public record ConnectionTest(boolean ok, String message, List<String> missingPermissions) {
    }

    private final ConnectionStore store;
    private final CollectorTargets targets;
    private final CollectorKinds collectors;
    private final ConnectionSecrets secrets;
    private final ConnectionRunner runner;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    public Set<String> kinds() {
        return collectors.kinds();
    }

    public Map<String, String> targetHints() {
        return collectors.targetHints();
    }

    /** The credentials a connection of this kind takes, for its form; none for a kind that does not exist. */
    public List<CredentialField> credentials(String kind) {
        return collectors.credentials(kind);
    }

    /** The steps an administrator takes before connecting a system of this kind. */
    public List<Collector.SetupStep> setup(String kind) {
        return collectors.setup(kind);
    }

    @Transactional
    public Connection create(WorkspaceId workspace, Draft draft, String actor) {
        validate(draft, true);
        UUID id = UUID.randomUUID();
        Map<String, String> given = draft.secrets() == null ? Map.of() : draft.secrets();
        ConnectionStore.Row row = new ConnectionStore.Row(id, workspace, draft.name().strip(), draft.kind(), draft.target().strip(),
                given.isEmpty() ? null : secrets.seal(given),
                draft.intervalMinutes() == null ? DEFAULT_INTERVAL : draft.intervalMinutes(),
                draft.enabled() == null || draft.enabled(), clock.instant());
        store.insert(row, actor, clock.instant());
        events.publishEvent(new ConnectionCreated(workspace, id, row.name(), actor));
        return view(workspace, row);
    }

    @Transactional
    public Connection update(WorkspaceId workspace, UUID id, Draft draft, String actor) {
        ConnectionStore.Row current = row(workspace, id);
        Draft merged = merged(current, draft, draft.secrets());
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
        Draft merged = merged(current, draft, given);
        validate(merged, false);
        Map<String, String> kept = new LinkedHashMap<>();
        try {
            kept.putAll(secrets.stored(current));
        } catch (GeneralSecurityException e) {
            // sealed under another master key: what is given now replaces what cannot be read
        }
        kept.putAll(given);
        return save(workspace, current, merged, given.isEmpty() ? null : kept, actor);
    }

    /** The draft over the stored connection: what the draft leaves out stays; the kind never changes. */
    private static Draft merged(ConnectionStore.Row current, Draft draft, Map<String, String> secrets) {
        return new Draft(draft.name() == null ? current.name() : draft.name(), current.kind(),
                draft.target() == null ? current.target() : draft.target(), secrets,
                draft.intervalMinutes() == null ? current.intervalMinutes() : draft.intervalMinutes(),
                draft.enabled() == null ? current.enabled() : draft.enabled());
    }

    private Connection save(WorkspaceId workspace, ConnectionStore.Row current, Draft merged, Map<String, String> newSecrets, String actor) {
        UUID id = current.id();
        String sealed = newSecrets == null ? current.sealedSecret() : newSecrets.isEmpty() ? null : secrets.seal(newSecrets);
        ConnectionStore.Row row = new ConnectionStore.Row(id, workspace, merged.name().strip(), current.kind(), merged.target().strip(),
                sealed, merged.intervalMinutes(), merged.enabled(), current.nextRunAt());
        store.update(row);
        events.publishEvent(new ConnectionChanged(workspace, id, row.name(), actor));
        return view(workspace, row);
    }

    private void validate(Draft draft, boolean creating) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (draft.name() == null || draft.name().isBlank() || draft.name().length() > 200) {
            errors.put("name", "a name of 1 to 200 characters");
        }
        Collector described = collectors.find(draft.kind());
        if (creating && described == null) {
            errors.put("kind", "one of " + String.join(", ", kinds()));
        }
        if (draft.target() == null || draft.target().isBlank() || draft.target().length() > 1000) {
            errors.put("target", described == null ? "what to read" : described.description().targetHint());
        } else if (described != null) {
            try {
                targets.check(draft.kind(), draft.target());
            } catch (CollectorTargets.Refused e) {
                errors.put("target", e.getMessage());
            }
        }
        if (described != null && draft.secrets() != null) {
            for (CredentialField field : described.description().credentials()) {
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
        events.publishEvent(new ConnectionDeleted(workspace, id, row.name(), actor));
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
        List<ConnectionRun> last = store.runs(workspace, row.id(), 1);
        return new Connection(row.id(), row.name(), row.kind(), row.target(), secrets.names(row), row.intervalMinutes(), row.enabled(),
                row.nextRunAt(), last.isEmpty() ? null : last.get(0));
    }

    /** Runs synchronously (access reviews and tests). */
    @Override
    public ConnectionRun runAndWait(WorkspaceId workspace, UUID id, String trigger) {
        return runner.runAndWait(row(workspace, id), trigger);
    }

    /**
     * Queues a run of the connection; with a claim the requesting node has taken it for itself. Answers the
     * run, {@code running} until a node finishes it.
     */
    ConnectionRun enqueue(WorkspaceId workspace, UUID id, String trigger, String actor, String claim, Duration lease) {
        return runner.enqueue(workspace, row(workspace, id), trigger, actor, claim, lease);
    }

    /** Does a run this node claimed from the queue; its end is recorded only while the claim holds. */
    void runClaimed(UUID runId, String claim) {
        runner.runClaimed(runId, claim);
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

    /**
     * Tests a connection's stored credentials without storing anything: whether they work, and which
     * permissions are missing.
     */
    public ConnectionTest test(WorkspaceId workspace, UUID id) {
        return runner.test(store.find(workspace, id).orElseThrow(() -> new NotFoundException("no connection " + id)));
    }
}
