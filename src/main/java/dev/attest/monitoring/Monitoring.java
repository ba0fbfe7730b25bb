package dev.attest.monitoring;

import dev.attest.catalog.ControlKey;
import dev.attest.controls.ControlState;
import dev.attest.controls.WorkspaceControls;
import dev.attest.evidence.EvidenceItem;
import dev.attest.evidence.EvidenceStore;
import dev.attest.evidence.NewEvidence;
import dev.attest.identity.WorkspaceId;
import dev.attest.monitoring.internal.BuiltInChecks;
import dev.attest.monitoring.internal.CheckRules;
import dev.attest.monitoring.internal.CheckStore;
import dev.attest.monitoring.internal.Documents;
import dev.attest.monitoring.internal.Evaluator;
import dev.attest.monitoring.internal.FindingStore;
import dev.attest.monitoring.internal.ResourceStore;
import dev.attest.monitoring.internal.ResourceTypes;
import dev.attest.monitoring.internal.ResultStore;
import dev.attest.web.InvalidFieldException;
import dev.attest.web.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Continuous control monitoring for one workspace: its checks (built-in and its own), the resources
 * they read, evaluations and their results, and the findings failing results open.
 */
@Service
public class Monitoring {

    /** At most this many resources in one push or import. */
    public static final int MAX_BATCH = 10_000;

    private final BuiltInChecks builtIns;
    private final CheckStore checkStore;
    private final CheckRules rules;
    private final ResourceStore resources;
    private final ResourceTypes types;
    private final List<ResourceSource> sources;
    private final Evaluator evaluator;
    private final ResultStore results;
    private final FindingStore findings;
    private final WorkspaceControls controls;
    private final EvidenceStore evidence;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final Clock clock;

    Monitoring(BuiltInChecks builtIns, CheckStore checkStore, CheckRules rules, ResourceStore resources, ResourceTypes types,
               List<ResourceSource> sources, Evaluator evaluator, ResultStore results, FindingStore findings,
               WorkspaceControls controls, EvidenceStore evidence, ApplicationEventPublisher events,
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
        this.controls = controls;
        this.evidence = evidence;
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
     * error comes back naming its line and column. Built-in checks cannot be overwritten.
     */
    @Transactional
    public Check saveCheck(WorkspaceId workspace, CheckDraft draft, String actor) {
        Check check = validated(draft);
        boolean exists = checkStore.find(workspace, check.key()).isPresent();
        checkStore.save(workspace, check, actor, clock.instant());
        events.publishEvent(new CheckSaved(workspace, check.key(), exists ? "changed" : "created", actor));
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

    @Transactional
    public void deleteCheck(WorkspaceId workspace, String key, String actor) {
        if (builtIns.get(key).isPresent()) {
            throw new InvalidFieldException("key", "built-in checks cannot be deleted");
        }
        if (!checkStore.delete(workspace, key)) {
            throw new NotFoundException("No check " + key);
        }
        events.publishEvent(new CheckSaved(workspace, key, "deleted", actor));
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
     * Stores pushed or imported resources (all or nothing) and evaluates the checks. A resource of a
     * type nobody knows, without an id, or a batch that is too large, is refused naming its index.
     */
    public Evaluation receive(WorkspaceId workspace, List<Resource> batch, String source, String actor) {
        Set<String> known = types.known(workspace);
        Map<String, String> errors = new LinkedHashMap<>();
        if (batch.size() > MAX_BATCH) {
            errors.put("resources", "at most " + MAX_BATCH + " resources per request");
        }
        for (int i = 0; i < batch.size() && errors.size() < 20; i++) {
            Resource r = batch.get(i);
            if (r.type() == null || !known.contains(r.type())) {
                errors.put("resources[" + i + "].type", "'" + r.type() + "' is not a known resource type (known: " + String.join(", ", known) + ")");
            }
            if (r.id() == null || r.id().isBlank() || r.id().length() > 500) {
                errors.put("resources[" + i + "].id", "a stable id of 1 to 500 characters");
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidFieldException(errors);
        }
        Instant now = clock.instant();
        transactions.executeWithoutResult(status -> resources.upsert(workspace, batch, source, null, now));
        events.publishEvent(new ResourcesReceived(workspace, source, batch.size(), actor));
        return evaluate(workspace, source);
    }

    /** Stores what a connection's run collected, replacing what it collected before. */
    public void replaceCollected(WorkspaceId workspace, UUID connectionId, String source, List<Resource> collected) {
        Instant now = clock.instant();
        transactions.executeWithoutResult(status -> resources.replaceForConnection(workspace, connectionId, collected, source, now));
    }

    @Transactional(readOnly = true)
    public List<StoredResource> resources(WorkspaceId workspace, String type, int limit) {
        return resources.list(workspace, type, Math.max(1, Math.min(limit, 1000)));
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
     * Runs every check over the workspace's current resources, stores the results as the latest,
     * keeps the full snapshot as evidence, and opens or closes findings.
     */
    public Evaluation evaluate(WorkspaceId workspace, String trigger) {
        Instant started = clock.instant();
        List<Check> checks = checks(workspace);
        Map<String, List<Check>> byType = Evaluator.byType(checks);
        List<CheckResult> outcome = new ArrayList<>();
        int[] resourceCount = {0};
        for (var group : byType.entrySet()) {
            var run = evaluator.forType(group.getValue(), started, outcome::add);
            resourceCount[0] += forEachResource(workspace, Set.of(group.getKey()), run);
        }
        Map<String, CheckTally> tallies = new LinkedHashMap<>();
        int passed = 0;
        int failed = 0;
        for (CheckResult r : outcome) {
            var t = tallies.getOrDefault(r.checkKey(), new CheckTally(r.checkKey(), 0, 0, started));
            tallies.put(r.checkKey(), r.passed() ? new CheckTally(t.checkKey(), t.passed() + 1, t.failed(), started)
                    : new CheckTally(t.checkKey(), t.passed(), t.failed() + 1, started));
            if (r.passed()) passed++;
            else failed++;
        }
        int checksFailing = (int) tallies.values().stream().filter(t -> t.failed() > 0).count();
        int checksPassing = tallies.size() - checksFailing;
        int idle = checks.size() - tallies.size();
        int resultsPassed = passed;
        int resultsFailed = failed;
        Map<String, Check> checkByKey = new HashMap<>();
        checks.forEach(c -> checkByKey.put(c.key(), c));
        return transactions.execute(status -> {
            results.lock(workspace);
            Instant finished = clock.instant();
            results.replaceResults(workspace, outcome, tallies, finished);
            EvidenceItem snapshot = snapshot(workspace, trigger, started, outcome, checkByKey, tallies.keySet());
            Evaluation evaluation = new Evaluation(UUID.randomUUID(), trigger, started, finished, resourceCount[0], checksPassing,
                    checksFailing, idle, resultsPassed, resultsFailed, snapshot == null ? null : snapshot.id());
            results.saveEvaluation(workspace, evaluation);
            updateFindings(workspace, outcome, checkByKey, finished);
            return evaluation;
        });
    }

    private EvidenceItem snapshot(WorkspaceId workspace, String trigger, Instant at, List<CheckResult> outcome,
                                  Map<String, Check> checks, Set<String> evaluated) {
        if (outcome.isEmpty()) {
            return null;
        }
        Set<String> controlKeys = new TreeSet<>();
        evaluated.forEach(k -> controlKeys.addAll(checks.get(k).controls()));
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("workspace", workspace.toString());
        document.put("evaluatedAt", at.toString());
        document.put("trigger", trigger);
        document.put("results", outcome);
        // Every result with its "why" is large for a big estate (about 150 bytes each), and JSON of
        // results compresses about tenfold: the snapshot is kept gzipped, written without a String.
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.util.zip.GZIPOutputStream gzip = new java.util.zip.GZIPOutputStream(bytes)) {
            Documents.JSON.writeValue(gzip, document);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return evidence.add(workspace, new NewEvidence("check-results", "Check results " + at.truncatedTo(ChronoUnit.SECONDS),
                "check-results.json.gz", "application/gzip", List.copyOf(controlKeys), null, "system"), bytes.toByteArray());
    }

    private void updateFindings(WorkspaceId workspace, List<CheckResult> outcome, Map<String, Check> checks, Instant now) {
        Map<String, dev.attest.monitoring.Finding> open = new HashMap<>();
        for (Finding f : findings.open(workspace)) {
            open.put(f.checkKey() + "\u0000" + f.resourceId(), f);
        }
        Map<ControlKey, ControlState> states = controls.states(workspace);
        Set<String> seen = new HashSet<>();
        for (CheckResult r : outcome) {
            String pair = r.checkKey() + "\u0000" + r.resourceId();
            seen.add(pair);
            Finding current = open.get(pair);
            if (r.passed()) {
                if (current != null) {
                    findings.close(workspace, current.id(), now);
                    findings.event(current.id(), now, "closed", "the check passes again");
                    events.publishEvent(new FindingClosed(workspace, current.id(), r.checkKey(), r.resourceId(), "passes again"));
                }
                continue;
            }
            if (current != null) {
                findings.observe(workspace, current.id(), r.observed());
                continue;
            }
            Check check = checks.get(r.checkKey());
            String controlKey = check.controls().isEmpty() ? null : check.controls().get(0);
            String owner = check.controls().stream().map(k -> states.get(new ControlKey(k))).filter(Objects::nonNull)
                    .map(ControlState::owner).filter(Objects::nonNull).findFirst().orElse(null);
            Instant due = now.plus(Duration.ofDays(check.severity().dueDays()));
            String why = r.error() != null ? "error: " + r.error() : "failed with " + Documents.write(r.observed());
            var previous = findings.latest(workspace, r.checkKey(), r.resourceId());
            if (previous.isPresent()) {
                findings.reopen(workspace, previous.get().id(), due, owner, r.observed());
                findings.event(previous.get().id(), now, "reopened", why);
                events.publishEvent(new FindingOpened(workspace, previous.get().id(), r.checkKey(), r.resourceId(), owner, true));
            } else {
                Finding created = new Finding(UUID.randomUUID(), r.checkKey(), r.resourceType(), r.resourceId(), check.severity(),
                        controlKey, owner, "open", now, due, null, r.observed());
                findings.insert(workspace, created);
                findings.event(created.id(), now, "opened", why);
                events.publishEvent(new FindingOpened(workspace, created.id(), r.checkKey(), r.resourceId(), owner, false));
            }
        }
        for (var entry : open.entrySet()) {
            if (!seen.contains(entry.getKey())) {
                Finding f = entry.getValue();
                findings.close(workspace, f.id(), now);
                findings.event(f.id(), now, "closed", "the resource or the check is gone");
                events.publishEvent(new FindingClosed(workspace, f.id(), f.checkKey(), f.resourceId(), "resource or check gone"));
            }
        }
    }

    // ---- reading results

    @Transactional(readOnly = true)
    public List<Evaluation> evaluations(WorkspaceId workspace, int limit) {
        return results.evaluations(workspace, Math.max(1, Math.min(limit, 1000)));
    }

    /** The latest results of one check, failures first. */
    @Transactional(readOnly = true)
    public List<CheckResult> results(WorkspaceId workspace, String checkKey) {
        check(workspace, checkKey);
        return results.results(workspace, checkKey);
    }

    /** Each check's latest tally: passed and failed resources. */
    @Transactional(readOnly = true)
    public Map<String, CheckTally> tallies(WorkspaceId workspace) {
        return results.tallies(workspace);
    }

    @Transactional(readOnly = true)
    public List<Finding> findings(WorkspaceId workspace, FindingFilter filter, int limit) {
        return findings.list(workspace, filter, Math.max(1, Math.min(limit, 1000)));
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
