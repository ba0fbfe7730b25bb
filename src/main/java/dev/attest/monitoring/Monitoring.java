package dev.attest.monitoring;

import dev.attest.identity.WorkspaceId;
import dev.attest.monitoring.internal.BuiltInChecks;
import dev.attest.monitoring.internal.CheckRules;
import dev.attest.monitoring.internal.CheckStore;
import dev.attest.monitoring.internal.ContentHash;
import dev.attest.monitoring.internal.Documents;
import dev.attest.monitoring.internal.Evaluator;
import dev.attest.monitoring.internal.FindingStore;
import dev.attest.monitoring.internal.MonitoringProperties;
import dev.attest.monitoring.internal.ResourceStore;
import dev.attest.monitoring.internal.ResourceTypes;
import dev.attest.monitoring.internal.ResultEvidence;
import dev.attest.monitoring.internal.ResultStore;
import dev.attest.monitoring.internal.RunWriter;
import dev.attest.web.InvalidFieldException;
import dev.attest.web.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Continuous control monitoring for one workspace: its checks (built-in and its own), the resources
 * they read, evaluations and their results, and the findings failing results open.
 */
@Service
public class Monitoring {

    private final BuiltInChecks builtIns;
    private final CheckStore checkStore;
    private final CheckRules rules;
    private final ResourceStore resources;
    private final ResourceTypes types;
    private final List<ResourceSource> sources;
    private final Evaluator evaluator;
    private final ResultStore results;
    private final FindingStore findings;
    private final RunWriter writer;
    private final ResultEvidence resultEvidence;
    private final MonitoringProperties properties;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final Clock clock;

    Monitoring(BuiltInChecks builtIns, CheckStore checkStore, CheckRules rules, ResourceStore resources, ResourceTypes types,
               List<ResourceSource> sources, Evaluator evaluator, ResultStore results, FindingStore findings, RunWriter writer,
               ResultEvidence resultEvidence, MonitoringProperties properties, ApplicationEventPublisher events,
               TransactionTemplate transactions, Clock clock) {
        this.builtIns = builtIns;
        this.checkStore = checkStore;
        this.rules = rules;
        this.resources = resources;
        this.types = types;
        this.sources = sources;
        this.evaluator = evaluator;
        this.results = results;
        this.findings = findings;
        this.writer = writer;
        this.resultEvidence = resultEvidence;
        this.properties = properties;
        this.events = events;
        this.transactions = transactions;
        this.clock = clock;
    }

    // ---- checks

    /** Built-in checks and the workspace's own, by key. */
    @Transactional(readOnly = true)
    public List<Check> checks(WorkspaceId workspace) {
        List<Check> all = new ArrayList<>(builtIns.all());
        all.addAll(checkStore.all(workspace));
        all.sort(Comparator.comparing(Check::key));
        return all;
    }

    @Transactional(readOnly = true)
    public Check check(WorkspaceId workspace, String key) {
        return builtIns.get(key).or(() -> checkStore.find(workspace, key))
                .orElseThrow(() -> new NotFoundException("No check " + key));
    }

    /**
     * Creates or replaces one of the workspace's own checks. The expression is compiled first; an
     * error comes back naming its line and column. Built-in checks cannot be overwritten. The check
     * then runs over every resource of its type (only it: the other checks' results stand).
     */
    public Check saveCheck(WorkspaceId workspace, CheckDraft draft, String actor) {
        Check check = validated(draft);
        Check before = transactions.execute(status -> {
            results.lock(workspace);
            Check previous = checkStore.find(workspace, check.key()).orElse(null);
            checkStore.save(workspace, check, actor, clock.instant());
            if (previous != null && !previous.resourceType().equals(check.resourceType())) {
                RunWriter.Changes changes = new RunWriter.Changes();
                writer.dropCheck(workspace, check.key(), clock.instant(), changes);
                resultEvidence.delta(workspace, "check:" + check.key(), clock.instant(), changes, check.controls());
            }
            events.publishEvent(new CheckSaved(workspace, check.key(), previous != null ? "changed" : "created", actor));
            return previous;
        });
        if (before == null || !before.expression().equals(check.expression()) || !before.resourceType().equals(check.resourceType())) {
            // a new check (or one that reads another type now) has no earlier result on any resource
            boolean firstTime = before == null || !before.resourceType().equals(check.resourceType());
            evaluate(workspace, "check:" + check.key(), actor, check, firstTime);
        }
        return check;
    }

    private Check validated(CheckDraft draft) {
        List<String> controlKeys = draft.controls().stream().map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
        Map<String, String> errors = rules.problems(strip(draft.key()), draft.title(), strip(draft.resourceType()), strip(draft.severity()),
                controlKeys, draft.description(), draft.expression());
        if (draft.key() != null && builtIns.get(draft.key().strip()).isPresent()) {
            errors.put("key", "'" + draft.key().strip() + "' is a built-in check; choose another key");
        }
        if (!errors.isEmpty()) {
            throw new InvalidFieldException(errors);
        }
        return new Check(draft.key().strip(), draft.title().strip(), draft.resourceType().strip(),
                Severity.fromWireName(draft.severity().strip()).orElseThrow(), controlKeys,
                draft.description() == null || draft.description().isBlank() ? null : draft.description().strip(),
                draft.expression().strip(), false);
    }

    /** Deletes one of the workspace's checks: its results go and its open findings close. */
    public void deleteCheck(WorkspaceId workspace, String key, String actor) {
        if (builtIns.get(key).isPresent()) {
            throw new InvalidFieldException("key", "built-in checks cannot be deleted");
        }
        transactions.executeWithoutResult(status -> {
            results.lock(workspace);
            if (!checkStore.delete(workspace, key)) {
                throw new NotFoundException("No check " + key);
            }
            RunWriter.Changes changes = new RunWriter.Changes();
            writer.dropCheck(workspace, key, clock.instant(), changes);
            resultEvidence.delta(workspace, "check:" + key, clock.instant(), changes, List.of());
            events.publishEvent(new CheckSaved(workspace, key, "deleted", actor));
        });
    }

    /** Evaluates a draft against the current resources of its type without saving anything. */
    @Transactional(readOnly = true)
    public List<CheckResult> dryRun(WorkspaceId workspace, CheckDraft draft) {
        CheckDraft named = new CheckDraft(draft.key() == null || draft.key().isBlank() ? "dry-run" : draft.key(),
                draft.title() == null || draft.title().isBlank() ? "dry run" : draft.title(), draft.resourceType(),
                draft.severity() == null || draft.severity().isBlank() ? "medium" : draft.severity(),
                draft.controls().isEmpty() ? List.of("GR-09") : draft.controls(), draft.description(), draft.expression());
        Map<String, String> errors = rules.problems(named.key(), named.title(), strip(named.resourceType()), named.severity(),
                named.controls(), named.description(), named.expression());
        errors.remove("key");
        if (!errors.isEmpty()) {
            throw new InvalidFieldException(errors);
        }
        Check check = new Check(named.key(), named.title(), named.resourceType().strip(), Severity.fromWireName(named.severity()).orElseThrow(),
                named.controls(), null, named.expression(), false);
        List<CheckResult> out = new ArrayList<>();
        var run = evaluator.forType(List.of(check), clock.instant(), out::add);
        forEachResource(workspace, Set.of(check.resourceType()), run);
        return out;
    }

    private static String strip(String value) {
        return value == null ? null : value.strip();
    }

    // ---- resources

    /** The resource types this workspace accepts. */
    public Set<String> resourceTypes(WorkspaceId workspace) {
        return types.known(workspace);
    }

    /**
     * Stores pushed or imported resources and evaluates what they changed, all in one transaction:
     * a resource whose document is unchanged is not evaluated again, and the same batch twice
     * changes nothing. With {@code complete}, the batch is everything this source has of the types
     * it carries: resources of those types it sent before and not now are retired and their
     * findings closed. A resource of a type nobody knows, without an id or too large, or a batch
     * that is too large, is refused naming its index, and nothing is stored.
     */
    public Evaluation receive(WorkspaceId workspace, List<Resource> batch, String source, String actor, boolean complete) {
        Map<String, List<ResourceStore.Document>> byType = validated(workspace, batch);
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
        Map<String, List<ResourceStore.Document>> byType = documents(collected);
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
                writer.apply(workspace, type, checksOf(workspace, type), List.of(), List.of(), removed, now, changes);
                changes.changed = 1;
                finish(workspace, "delete:" + type, actor, now, now, 0, changes);
            }
        });
        return found[0];
    }

    private Map<String, List<ResourceStore.Document>> validated(WorkspaceId workspace, List<Resource> batch) {
        Set<String> known = types.known(workspace);
        Map<String, String> errors = new LinkedHashMap<>();
        int maxBatch = properties.getMaxBatch();
        if (batch.size() > maxBatch) {
            throw new InvalidFieldException("resources", "at most " + maxBatch + " resources per request (this one has " + batch.size() + ")");
        }
        long maxSize = properties.getMaxDocumentSize().toBytes();
        List<String> json = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size() && errors.size() < 20; i++) {
            Resource r = batch.get(i);
            if (r.type() == null || !known.contains(r.type())) {
                errors.put("resources[" + i + "].type", "'" + r.type() + "' is not a known resource type (known: " + String.join(", ", known) + ")");
            }
            if (r.id() == null || r.id().isBlank() || r.id().length() > 500) {
                errors.put("resources[" + i + "].id", "a stable id of 1 to 500 characters");
            }
            String text = Documents.write(r.data());
            // one char is one byte for ASCII JSON; only a document near the limit is measured exactly
            if (text.length() > maxSize / 4 && text.getBytes(StandardCharsets.UTF_8).length > maxSize) {
                errors.put("resources[" + i + "].data", "a document of at most " + maxSize + " bytes (this one has "
                        + text.getBytes(StandardCharsets.UTF_8).length + ")");
            }
            json.add(text);
        }
        if (!errors.isEmpty()) {
            throw new InvalidFieldException(errors);
        }
        return documents(batch, json);
    }

    private static Map<String, List<ResourceStore.Document>> documents(List<Resource> batch) {
        return documents(batch, batch.stream().map(r -> Documents.write(r.data())).toList());
    }

    /** Documents by type; when a batch names one resource twice, the later one counts. */
    private static Map<String, List<ResourceStore.Document>> documents(List<Resource> batch, List<String> json) {
        Map<String, Map<String, ResourceStore.Document>> byType = new LinkedHashMap<>();
        for (int i = 0; i < batch.size(); i++) {
            Resource r = batch.get(i);
            byType.computeIfAbsent(r.type(), t -> new LinkedHashMap<>())
                    .put(r.id(), new ResourceStore.Document(r.type(), r.id(), json.get(i), ContentHash.of(json.get(i))));
        }
        Map<String, List<ResourceStore.Document>> out = new LinkedHashMap<>();
        byType.forEach((type, docs) -> out.put(type, new ArrayList<>(docs.values())));
        return out;
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
        Instant evaluatedAt = clock.instant();
        Map<String, List<Check>> checksSeen = Evaluator.byType(checks(workspace));
        Map<String, Map<String, List<CheckResult>>> early = new HashMap<>();
        byType.forEach((type, docs) -> {
            List<Check> typeChecks = checksSeen.getOrDefault(type, List.of());
            if (!typeChecks.isEmpty()) {
                early.put(type, verdicts(workspace, type, typeChecks, docs, evaluatedAt));
            }
        });
        return transactions.execute(status -> {
            results.lock(workspace);
            Instant now = clock.instant();
            RunWriter.Changes changes = new RunWriter.Changes();
            Map<String, List<Check>> checksByType = Evaluator.byType(checks(workspace));
            Set<String> typesTouched = new TreeSet<>(byType.keySet());
            typesTouched.addAll(retireTypes);
            for (String type : typesTouched) {
                List<ResourceStore.Document> docs = byType.getOrDefault(type, List.of());
                List<String> ids = docs.stream().map(ResourceStore.Document::id).toList();
                Map<String, String> stored = resources.hashes(workspace, type, ids);
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
                resources.insert(workspace, inserts, source, connectionId, now);
                resources.update(workspace, updates, source, connectionId, now);
                List<String> retired = List.of();
                if (retireTypes.contains(type)) {
                    Set<String> reported = new HashSet<>(ids);
                    List<String> gone = resources.idsFrom(workspace, type, source, connectionId).stream()
                            .filter(id -> !reported.contains(id)).toList();
                    retired = resources.delete(workspace, type, gone);
                }
                List<CheckResult> verdicts = new ArrayList<>();
                List<String> evaluated = new ArrayList<>(inserts.size() + updates.size());
                List<Check> typeChecks = checksByType.getOrDefault(type, List.of());
                if (!typeChecks.isEmpty() && (!inserts.isEmpty() || !updates.isEmpty())) {
                    Map<String, List<CheckResult>> ready = typeChecks.equals(checksSeen.get(type)) ? early.getOrDefault(type, Map.of()) : Map.of();
                    TypeRunHolder late = new TypeRunHolder(() -> evaluator.forType(typeChecks, now, verdicts::add));
                    for (List<ResourceStore.Document> group : List.of(inserts, updates)) {
                        for (ResourceStore.Document d : group) {
                            List<CheckResult> known = ready.get(d.id());
                            if (known != null) {
                                verdicts.addAll(known);
                            } else {
                                late.get().accept(type, d.id(), d.json());
                            }
                            evaluated.add(d.id());
                        }
                    }
                }
                Set<String> fresh = new HashSet<>();
                inserts.forEach(d -> fresh.add(d.id()));
                writer.apply(workspace, type, keyed(typeChecks), evaluated, verdicts, retired, now, changes,
                        RunWriter.Keeping.stored(fresh, Set.of()));
                changes.changed += inserts.size() + updates.size() + retired.size();
            }
            return finish(workspace, source, actor, now, now, received, changes);
        });
    }

    /** The verdicts on the documents that differ from what is stored now (read without the lock), by resource id. */
    private Map<String, List<CheckResult>> verdicts(WorkspaceId workspace, String type, List<Check> typeChecks,
                                                    List<ResourceStore.Document> docs, Instant at) {
        Map<String, String> stored = transactions.execute(status ->
                resources.hashes(workspace, type, docs.stream().map(ResourceStore.Document::id).toList()));
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
        private final java.util.function.Supplier<Evaluator.TypeRun> create;
        private Evaluator.TypeRun run;

        TypeRunHolder(java.util.function.Supplier<Evaluator.TypeRun> create) {
            this.create = create;
        }

        Evaluator.TypeRun get() {
            if (run == null) {
                run = create.get();
            }
            return run;
        }
    }

    /** Writes a run's evidence, its evaluation row and its one audit entry; in the run's transaction. */
    private Evaluation finish(WorkspaceId workspace, String trigger, String actor, Instant started, Instant at, int resourceCount,
                              RunWriter.Changes changes) {
        UUID evidenceId = resultEvidence.delta(workspace, trigger, at, changes, List.of());
        List<Check> all = checks(workspace);
        Map<String, CheckTally> tallies = results.tallies(workspace);
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

    private static Map<String, Check> keyed(List<Check> checks) {
        Map<String, Check> byKey = new LinkedHashMap<>();
        checks.forEach(c -> byKey.put(c.key(), c));
        return byKey;
    }

    private Map<String, Check> checksOf(WorkspaceId workspace, String type) {
        return keyed(checks(workspace).stream().filter(c -> c.resourceType().equals(type)).toList());
    }

    /** At most this many resources in one listing. */
    public static final int MAX_LISTED = 1000;

    @Transactional(readOnly = true)
    public List<StoredResource> resources(WorkspaceId workspace, String type, int limit) {
        return resources.list(workspace, type, Math.max(1, Math.min(limit, MAX_LISTED)));
    }

    @Transactional(readOnly = true)
    public Map<String, Integer> resourceCounts(WorkspaceId workspace) {
        return resources.countByType(workspace);
    }

    /** Runs the checks over every resource of these types, stored or offered by a module; gives how many. */
    private int forEachResource(WorkspaceId workspace, Set<String> wanted, Evaluator.TypeRun run) {
        int[] count = {0};
        resources.forEachDocument(workspace, wanted, (type, id, json) -> {
            count[0]++;
            run.accept(type, id, json);
        });
        for (ResourceSource source : sources) {
            if (source.types().stream().anyMatch(wanted::contains)) {
                for (Resource r : source.resources(workspace)) {
                    if (wanted.contains(r.type())) {
                        count[0]++;
                        run.accept(r);
                    }
                }
            }
        }
        return count[0];
    }

    // ---- evaluation

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

    private Evaluation evaluate(WorkspaceId workspace, String trigger, String actor, Check only, boolean onlyIsNew) {
        Instant started = clock.instant();
        // checks with no result anywhere yet: a resource without a row has not passed them before
        Set<String> firstTime = onlyIsNew ? Set.of(only.key()) : only != null ? Set.of() : unevaluated(workspace);
        RunWriter.Changes changes = new RunWriter.Changes();
        List<Check> checks = only == null ? checks(workspace) : List.of(only);
        int[] count = {0};
        for (var group : Evaluator.byType(checks).entrySet()) {
            String type = group.getKey();
            Map<String, Check> typeChecks = keyed(group.getValue());
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
            if (sources.stream().anyMatch(s -> s.types().contains(type))) {
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
                results.recountTallies(workspace, checkTypes(checks), resources.countByType(workspace), now);
            }
            return finish(workspace, trigger, actor, started, now, count[0], changes);
        });
    }

    private Set<String> unevaluated(WorkspaceId workspace) {
        Set<String> tallied = transactions.execute(status -> results.tallies(workspace).keySet());
        Set<String> none = new HashSet<>();
        checks(workspace).forEach(c -> {
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
        List<Resource> offered = new ArrayList<>();
        for (ResourceSource source : sources) {
            if (source.types().contains(type)) {
                source.resources(workspace).stream().filter(r -> type.equals(r.type())).forEach(offered::add);
            }
        }
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

    // ---- reading results

    @Transactional(readOnly = true)
    public List<Evaluation> evaluations(WorkspaceId workspace, int limit) {
        return results.evaluations(workspace, Math.max(1, Math.min(limit, 1000)));
    }

    /** The latest results of one check, failures first: one page of at most 1,000. */
    @Transactional(readOnly = true)
    public List<CheckResult> results(WorkspaceId workspace, String checkKey, int limit, int offset) {
        Check check = check(workspace, checkKey);
        List<CheckResult> page = results.results(workspace, checkKey, check.resourceType(), Math.max(1, Math.min(limit, 1000)),
                Math.max(0, offset));
        // a stored resource that passes has no row: what the check observed is read from its document again
        List<String> implied = page.stream().filter(r -> r.observed() == null).map(CheckResult::resourceId).toList();
        if (implied.isEmpty()) {
            return page;
        }
        Map<String, Map<String, Object>> observed = new HashMap<>();
        var run = evaluator.forType(List.of(check), clock.instant(), r -> observed.put(r.resourceId(), r.observed()));
        resources.documents(workspace, check.resourceType(), implied).forEach((id, json) -> run.accept(check.resourceType(), id, json));
        return page.stream().map(r -> r.observed() != null ? r
                : new CheckResult(r.checkKey(), r.resourceType(), r.resourceId(), r.outcome(), r.error(), observed.getOrDefault(r.resourceId(), Map.of())))
                .toList();
    }

    /** Each check's latest tally: passed and failed resources. */
    @Transactional(readOnly = true)
    public Map<String, CheckTally> tallies(WorkspaceId workspace) {
        return results.tallies(workspace);
    }

    @Transactional(readOnly = true)
    public List<Finding> findings(WorkspaceId workspace, FindingFilter filter, int limit) {
        return findings(workspace, filter, limit, 0);
    }

    /** One page of findings, open ones first by due date. */
    @Transactional(readOnly = true)
    public List<Finding> findings(WorkspaceId workspace, FindingFilter filter, int limit, int offset) {
        return findings.list(workspace, filter, Math.max(1, Math.min(limit, 1000)), Math.max(0, offset));
    }

    /** How many findings match the filter, by severity (every severity named, zero where none), counted in one query. */
    @Transactional(readOnly = true)
    public Map<Severity, Long> countFindingsBySeverity(WorkspaceId workspace, FindingFilter filter) {
        Map<String, Long> counted = findings.countBySeverity(workspace, filter);
        Map<Severity, Long> bySeverity = new java.util.EnumMap<>(Severity.class);
        for (Severity s : Severity.values()) {
            bySeverity.put(s, counted.getOrDefault(s.wireName(), 0L));
        }
        return bySeverity;
    }

    /** How many findings match the filter, counted in the database. */
    @Transactional(readOnly = true)
    public long countFindings(WorkspaceId workspace, FindingFilter filter) {
        return findings.count(workspace, filter);
    }

    /** Every finding a check still fails, risk-accepted ones included, open ones first by due date. */
    @Transactional(readOnly = true)
    public List<Finding> failingFindings(WorkspaceId workspace, int limit) {
        List<Finding> failing = new java.util.ArrayList<>(findings(workspace, FindingFilter.open(), limit));
        failing.addAll(findings(workspace, FindingFilter.accepted(), limit));
        return failing.size() > limit ? failing.subList(0, limit) : failing;
    }

    /** How many open findings (risk-accepted ones aside) are past their due date, which their severity set when they opened. */
    @Transactional(readOnly = true)
    public long countOverdueFindings(WorkspaceId workspace) {
        return findings.countOverdue(workspace);
    }

    /**
     * The status at a past time, rebuilt from the evidence in the ledger alone (the latest full
     * snapshot before it and every change since): each check's passed and failed counts, and with
     * a check or a resource, each matching result's outcome.
     */
    @Transactional(readOnly = true)
    public PastStatus statusAt(WorkspaceId workspace, Instant time, String checkKey, String resourceId) {
        var past = resultEvidence.statusAt(workspace, time, checkKey, resourceId);
        List<CheckTally> tallies = new ArrayList<>();
        past.tallies().forEach((key, t) -> {
            if (checkKey == null || checkKey.equals(key)) {
                tallies.add(new CheckTally(key, t[0], t[1], null));
            }
        });
        List<PastStatus.Result> outcomes = new ArrayList<>();
        past.results().forEach((pair, outcome) -> outcomes.add(new PastStatus.Result(pair.substring(0, pair.indexOf('\u0000')),
                pair.substring(pair.indexOf('\u0000') + 1), outcome)));
        return new PastStatus(time, tallies, outcomes, past.snapshot(), past.changes());
    }

    @Transactional(readOnly = true)
    public Finding finding(WorkspaceId workspace, UUID id) {
        return findings.find(workspace, id).orElseThrow(() -> new NotFoundException("No finding " + id));
    }

    @Transactional(readOnly = true)
    public List<FindingEvent> findingHistory(WorkspaceId workspace, UUID id) {
        return findings.history(finding(workspace, id).id());
    }

    /** Workspaces monitoring knows: with resources, own checks or earlier evaluations. */
    @Transactional(readOnly = true)
    public Set<WorkspaceId> workspaces() {
        Set<WorkspaceId> all = new LinkedHashSet<>(results.workspaces());
        all.addAll(resources.workspaces());
        all.addAll(checkStore.workspaces());
        return all;
    }
}
