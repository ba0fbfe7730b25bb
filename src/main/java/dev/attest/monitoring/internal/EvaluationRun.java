package dev.attest.monitoring.internal;

import dev.attest.identity.WorkspaceId;
import dev.attest.monitoring.Check;
import dev.attest.monitoring.CheckResult;
import dev.attest.monitoring.Evaluation;
import dev.attest.monitoring.Resource;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs checks over resources already there: a full run (every check over every resource, stored or
 * offered by a record module), or one check alone once it is saved.
 */
@Service
@RequiredArgsConstructor
public class EvaluationRun {

    private final WorkspaceChecks checks;
    private final ResourceStore resources;
    private final OfferedResources offered;
    private final Evaluator evaluator;
    private final ResultStore results;
    private final TallyStore tallyStore;
    private final CheckStore checkStore;
    private final RunWriter writer;
    private final RunRecorder recorder;
    private final ResultEvidence resultEvidence;
    private final MonitoringProperties properties;
    private final TransactionTemplate transactions;
    private final Clock clock;

    /**
     * A full run: every check over every resource, stored or offered by a record module. It pages
     * through each type (one transaction per page, holding the workspace lock only for that page,
     * so pushes go on in between) and writes only what changed; results of record-module resources
     * that are gone are removed. A full snapshot of the results is kept as evidence when the last
     * one is older than {@code attest.monitoring.snapshot-interval}.
     */
    public Evaluation evaluate(WorkspaceId workspace, String trigger) {
        return evaluate(workspace, trigger, "system", null, false);
    }

    /**
     * A full run, or with {@code only} that check alone over its type (when it is saved); {@code onlyIsNew}
     * when that check has no earlier result on any resource.
     */
    public Evaluation evaluate(WorkspaceId workspace, String trigger, String actor, Check only, boolean onlyIsNew) {
        Instant started = clock.instant();
        // checks with no result anywhere yet: a resource without a row has not passed them before
        Set<String> firstTime = onlyIsNew ? Set.of(only.key()) : only != null ? Set.of() : unevaluated(workspace);
        RunWriter.Changes changes = new RunWriter.Changes();
        List<Check> checks = only == null ? this.checks.all(workspace) : List.of(only);
        int[] count = {0};
        for (var group : Evaluator.byType(checks).entrySet()) {
            String type = group.getKey();
            Map<String, Check> typeChecks = WorkspaceChecks.keyed(group.getValue());
            String after = null;
            while (true) {
                String from = after;
                Map<String, String> page = transactions.execute(status -> {
                    results.lock(workspace);
                    Map<String, String> docs = resources.page(workspace, type, from, properties.getChunk());
                    evaluateChunk(workspace, type, typeChecks, docs, List.of(), List.of(), trigger, changes,
                            RunWriter.Keeping.stored(Set.of(), firstTime));
                    return docs;
                });
                count[0] += page.size();
                if (page.size() < properties.getChunk()) {
                    break;
                }
                after = page.keySet().stream().reduce((a, b) -> b).orElseThrow();
            }
            if (offered.offered(type)) {
                count[0] += evaluateOffered(workspace, type, typeChecks, trigger, changes);
            }
        }
        return transactions.execute(status -> {
            results.lock(workspace);
            Instant now = clock.instant();
            if (only == null && resultEvidence.snapshotDue(workspace, now, properties.getSnapshotInterval())) {
                Map<String, List<String>> checkKeysByType = new HashMap<>();
                checks.forEach(c -> checkKeysByType.computeIfAbsent(c.resourceType(), t -> new ArrayList<>()).add(c.key()));
                resultEvidence.snapshot(workspace, trigger, now, checkKeysByType);
            }
            if (only == null) {
                tallyStore.recountTallies(workspace, checkTypes(checks), resources.countByType(workspace), now);
            }
            return recorder.finish(workspace, trigger, actor, started, now, count[0], changes);
        });
    }

    private Set<String> unevaluated(WorkspaceId workspace) {
        Set<String> tallied = transactions.execute(status -> tallyStore.tallies(workspace).keySet());
        Set<String> none = new HashSet<>();
        checks.all(workspace).forEach(c -> {
            if (!tallied.contains(c.key())) {
                none.add(c.key());
            }
        });
        return none;
    }

    private static Map<String, String> checkTypes(List<Check> checks) {
        Map<String, String> types = new HashMap<>();
        checks.forEach(c -> types.put(c.key(), c.resourceType()));
        return types;
    }

    /** Record modules' resources of one type: evaluated in chunks, and results of those that are gone removed. */
    private int evaluateOffered(WorkspaceId workspace, String type, Map<String, Check> typeChecks, String trigger, RunWriter.Changes changes) {
        List<Resource> offered = this.offered.of(workspace, type);
        int chunk = properties.getChunk();
        for (int from = 0; from < offered.size(); from += chunk) {
            List<Resource> part = offered.subList(from, Math.min(offered.size(), from + chunk));
            transactions.executeWithoutResult(status -> {
                results.lock(workspace);
                evaluateChunk(workspace, type, typeChecks, Map.of(), part, List.of(), trigger, changes, RunWriter.Keeping.OFFERED);
            });
        }
        transactions.executeWithoutResult(status -> {
            results.lock(workspace);
            Set<String> present = new HashSet<>();
            offered.forEach(r -> present.add(r.id()));
            List<String> stored = resources.ids(workspace, type);
            present.addAll(stored);
            List<String> gone = results.resourceIds(workspace, type).stream().filter(id -> !present.contains(id)).toList();
            evaluateChunk(workspace, type, typeChecks, Map.of(), List.of(), gone, trigger, changes, RunWriter.Keeping.OFFERED);
        });
        return offered.size();
    }

    private void evaluateChunk(WorkspaceId workspace, String type, Map<String, Check> typeChecks, Map<String, String> stored,
                               List<Resource> offered, List<String> gone, String trigger, RunWriter.Changes changes,
                               RunWriter.Keeping keeping) {
        Instant now = clock.instant();
        List<CheckResult> verdicts = new ArrayList<>();
        List<String> evaluated = new ArrayList<>(stored.size() + offered.size());
        var run = evaluator.forType(List.copyOf(typeChecks.values()), now, verdicts::add);
        stored.forEach((id, json) -> {
            run.accept(type, id, json);
            evaluated.add(id);
        });
        for (Resource r : offered) {
            run.accept(r);
            evaluated.add(r.id());
        }
        writer.apply(workspace, type, typeChecks, evaluated, verdicts, gone, now, changes, keeping);
        resultEvidence.delta(workspace, trigger, now, changes, List.of());
    }

    /** Workspaces monitoring knows: with resources, own checks or earlier evaluations (those a scheduled run goes over). */
    @Transactional(readOnly = true)
    public Set<WorkspaceId> workspaces() {
        Set<WorkspaceId> all = new LinkedHashSet<>(results.workspaces());
        all.addAll(resources.workspaces());
        all.addAll(checkStore.workspaces());
        return all;
    }
}
