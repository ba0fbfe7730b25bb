package dev.attest.monitoring.internal;

import dev.attest.identity.WorkspaceId;
import dev.attest.monitoring.Check;
import dev.attest.monitoring.CheckResult;
import dev.attest.monitoring.Evaluation;
import dev.attest.monitoring.Resource;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Resources coming in and going: pushes and imports, what a connection's run collected, one
 * resource removed. Each stores what is new or changed and evaluates only that, in one transaction.
 */
@Service
@RequiredArgsConstructor
public class ResourceIntake {

    private final WorkspaceChecks checks;
    private final ResourceStore resources;
    private final ResourceBatches batches;
    private final Evaluator evaluator;
    private final ResultStore results;
    private final RunWriter writer;
    private final RunRecorder recorder;
    private final TransactionTemplate transactions;
    private final Clock clock;

    /**
     * Stores pushed or imported resources and evaluates what they changed, all in one transaction:
     * a resource whose document is unchanged is not evaluated again, and the same batch twice
     * changes nothing. With {@code complete}, the batch is everything this source has of the types
     * it carries: resources of those types it sent before and not now are retired and their
     * findings closed. A resource of a type nobody knows, without an id or too large, or a batch
     * that is too large, is refused naming its index, and nothing is stored.
     */
    public Evaluation receive(WorkspaceId workspace, List<Resource> batch, String source, String actor, boolean complete) {
        Map<String, List<ResourceStore.Document>> byType = batches.validated(workspace, batch);
        return write(workspace, source, actor, null, byType, complete ? byType.keySet() : Set.of(), batch.size());
    }

    /** {@link #receive(WorkspaceId, List, String, String, boolean)} for a batch as the push API reads it: data already as JSON text. */
    Evaluation receivePushed(WorkspaceId workspace, List<PushBody.Pushed> batch, String source, String actor, boolean complete) {
        Map<String, List<ResourceStore.Document>> byType = batches.validatedPush(workspace, batch);
        return write(workspace, source, actor, null, byType, complete ? byType.keySet() : Set.of(), batch.size());
    }

    /** {@link #receive(WorkspaceId, List, String, String, boolean)} for a batch that is not complete. */
    public Evaluation receive(WorkspaceId workspace, List<Resource> batch, String source, String actor) {
        return receive(workspace, batch, source, actor, false);
    }

    /**
     * Stores what a connection's run collected, evaluates what changed, and retires what it
     * collected before and no longer finds.
     */
    public void replaceCollected(WorkspaceId workspace, UUID connectionId, String source, List<Resource> collected) {
        Map<String, List<ResourceStore.Document>> byType = ResourceBatches.documents(collected);
        Set<String> retireTypes = new TreeSet<>(byType.keySet());
        retireTypes.addAll(resources.typesOf(workspace, connectionId));
        write(workspace, source, "system", connectionId, byType, retireTypes, collected.size());
    }

    /** Removes one resource: its results go and its open findings close. False when there was none. */
    public boolean removeResource(WorkspaceId workspace, String type, String id, String actor) {
        boolean[] found = {false};
        transactions.executeWithoutResult(status -> {
            results.lock(workspace);
            Instant now = clock.instant();
            RunWriter.Changes changes = new RunWriter.Changes();
            List<String> removed = resources.delete(workspace, type, List.of(id));
            found[0] = !removed.isEmpty();
            if (found[0]) {
                writer.apply(workspace, type, checks.ofType(workspace, type), List.of(), List.of(), removed, now, changes);
                changes.changed = 1;
                recorder.finish(workspace, "delete:" + type, actor, now, now, 0, changes);
            }
        });
        return found[0];
    }
    /**
     * The one write path of pushes and collections: under the workspace's monitoring lock, stores
     * new and changed documents, retires what a complete source no longer reports, evaluates only
     * what changed and writes results, findings, evidence and one audit entry.
     */
    private Evaluation write(WorkspaceId workspace, String source, String actor, UUID connectionId,
                             Map<String, List<ResourceStore.Document>> byType, Set<String> retireTypes, int received) {
        // Evaluated before the workspace's lock is taken, so that two pushes evaluate side by side and
        // only their writes take turns: the documents that look new or changed now. Under the lock,
        // a document that changed meanwhile, or whose checks did, is evaluated again.
        Map<String, List<Check>> checksSeen = Evaluator.byType(checks.all(workspace));
        Map<String, Map<String, List<CheckResult>>> early = earlyVerdicts(workspace, byType, checksSeen);
        return transactions.execute(status -> {
            results.lock(workspace);
            Instant now = clock.instant();
            RunWriter.Changes changes = new RunWriter.Changes().deferTallies();
            Map<String, List<Check>> checksByType = Evaluator.byType(checks.all(workspace));
            Set<String> typesTouched = new TreeSet<>(byType.keySet());
            typesTouched.addAll(retireTypes);
            List<TypeChange> typeChanges = new ArrayList<>();
            for (String type : typesTouched) {
                typeChanges.add(compare(workspace, type, byType.getOrDefault(type, List.of())));
            }
            store(workspace, typeChanges, source, connectionId, now);
            for (TypeChange change : typeChanges) {
                String type = change.type();
                List<String> retired = retireTypes.contains(type)
                        ? retire(workspace, type, byType.getOrDefault(type, List.of()), source, connectionId) : List.of();
                List<Check> typeChecks = checksByType.getOrDefault(type, List.of());
                Map<String, List<CheckResult>> ready = typeChecks.equals(checksSeen.get(type)) ? early.getOrDefault(type, Map.of()) : Map.of();
                List<CheckResult> verdicts = new ArrayList<>();
                List<String> evaluated = evaluate(change, typeChecks, ready, now, verdicts);
                writer.apply(workspace, type, WorkspaceChecks.keyed(typeChecks), evaluated, verdicts, retired, now, changes,
                        RunWriter.Keeping.stored(change.insertedIds(), Set.of()));
                changes.changed += change.inserts().size() + change.updates().size() + retired.size();
            }
            return recorder.finish(workspace, source, actor, now, now, received, changes);
        });
    }

    /** A type's documents in a write: those not stored yet and those whose content changed. */
    private record TypeChange(String type, List<ResourceStore.Document> inserts, List<ResourceStore.Document> updates) {

        Set<String> insertedIds() {
            Set<String> ids = new HashSet<>();
            inserts.forEach(d -> ids.add(d.id()));
            return ids;
        }
    }

    /** Which of a type's documents are new and which changed, against the stored content hashes. */
    private TypeChange compare(WorkspaceId workspace, String type, List<ResourceStore.Document> docs) {
        Map<String, String> stored = resources.hashes(workspace, type, docs.stream().map(ResourceStore.Document::id).toList());
        List<ResourceStore.Document> inserts = new ArrayList<>();
        List<ResourceStore.Document> updates = new ArrayList<>();
        for (ResourceStore.Document d : docs) {
            String before = stored.get(d.id());
            if (before == null) {
                inserts.add(d);
            } else if (!before.equals(d.hash())) {
                updates.add(d);
            }
        }
        return new TypeChange(type, inserts, updates);
    }

    /** New and changed documents of every type, in one insert and one update. */
    private void store(WorkspaceId workspace, List<TypeChange> typeChanges, String source, UUID connectionId, Instant now) {
        List<ResourceStore.Document> inserts = new ArrayList<>();
        List<ResourceStore.Document> updates = new ArrayList<>();
        typeChanges.forEach(c -> {
            inserts.addAll(c.inserts());
            updates.addAll(c.updates());
        });
        if (!inserts.isEmpty()) {
            resources.insert(workspace, inserts, source, connectionId, now);
        }
        if (!updates.isEmpty()) {
            resources.update(workspace, updates, source, connectionId, now);
        }
    }

    /** Removes the resources of a type this source stored before and did not report now; gives their ids. */
    private List<String> retire(WorkspaceId workspace, String type, List<ResourceStore.Document> reportedDocs, String source, UUID connectionId) {
        Set<String> reported = new HashSet<>();
        reportedDocs.forEach(d -> reported.add(d.id()));
        List<String> gone = resources.idsFrom(workspace, type, source, connectionId).stream().filter(id -> !reported.contains(id)).toList();
        return resources.delete(workspace, type, gone);
    }

    /**
     * The verdicts on a type's new and changed documents into {@code verdicts}: those evaluated before the
     * lock where the checks are still the same, the others now. Gives the ids evaluated.
     */
    private List<String> evaluate(TypeChange change, List<Check> typeChecks, Map<String, List<CheckResult>> ready, Instant now,
                                  List<CheckResult> verdicts) {
        List<String> evaluated = new ArrayList<>(change.inserts().size() + change.updates().size());
        if (typeChecks.isEmpty()) {
            return evaluated;
        }
        TypeRunHolder late = new TypeRunHolder(() -> evaluator.forType(typeChecks, now, verdicts::add));
        for (List<ResourceStore.Document> group : List.of(change.inserts(), change.updates())) {
            for (ResourceStore.Document d : group) {
                List<CheckResult> known = ready.get(d.id());
                if (known != null) {
                    verdicts.addAll(known);
                } else {
                    late.get().accept(change.type(), d.id(), d.json());
                }
                evaluated.add(d.id());
            }
        }
        return evaluated;
    }

    /** The verdicts, by type, on the documents that look new or changed before the lock is taken. */
    private Map<String, Map<String, List<CheckResult>>> earlyVerdicts(WorkspaceId workspace, Map<String, List<ResourceStore.Document>> byType,
                                                                      Map<String, List<Check>> checksSeen) {
        Instant evaluatedAt = clock.instant();
        Map<String, Map<String, String>> storedBefore = transactions.execute(status -> {
            Map<String, Map<String, String>> hashes = new HashMap<>();
            byType.forEach((type, docs) -> {
                if (checksSeen.containsKey(type)) {
                    hashes.put(type, resources.hashes(workspace, type, docs.stream().map(ResourceStore.Document::id).toList()));
                }
            });
            return hashes;
        });
        Map<String, Map<String, List<CheckResult>>> early = new HashMap<>();
        storedBefore.forEach((type, stored) -> early.put(type, verdicts(type, checksSeen.get(type), byType.get(type), stored, evaluatedAt)));
        return early;
    }

    /** The verdicts on the documents that differ from what is stored now (read without the lock), by resource id. */
    private Map<String, List<CheckResult>> verdicts(String type, List<Check> typeChecks, List<ResourceStore.Document> docs,
                                                    Map<String, String> stored, Instant at) {
        Map<String, List<CheckResult>> byId = new HashMap<>();
        var run = evaluator.forType(typeChecks, at, r -> byId.computeIfAbsent(r.resourceId(), k -> new ArrayList<>(typeChecks.size())).add(r));
        for (ResourceStore.Document d : docs) {
            if (!d.hash().equals(stored.get(d.id()))) {
                run.accept(type, d.id(), d.json());
            }
        }
        return byId;
    }

    /** A type's run of checks, compiled only when a document needs it. */
    private static final class TypeRunHolder {
        private final Supplier<Evaluator.TypeRun> create;
        private Evaluator.TypeRun run;

        TypeRunHolder(Supplier<Evaluator.TypeRun> create) {
            this.create = create;
        }

        Evaluator.TypeRun get() {
            if (run == null) {
                run = create.get();
            }
            return run;
        }
    }
}
