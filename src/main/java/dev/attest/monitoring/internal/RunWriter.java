package dev.attest.monitoring.internal;

import dev.attest.catalog.ControlKey;
import dev.attest.controls.ControlState;
import dev.attest.identity.WorkspaceId;
import dev.attest.monitoring.Check;
import dev.attest.monitoring.CheckResult;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * Writes what a run decided about a set of resources of one type, by comparing sets: the new
 * verdicts against the stored latest results (one indexed lookup per chunk of ids), then only the
 * results that appeared, changed or went away touch findings (one more lookup). Everything is
 * written in batches, in the caller's transaction, which holds the workspace's monitoring lock.
 */
@Component
@RequiredArgsConstructor
public class RunWriter {

    private final ResultStore results;
    private final TallyStore tallyStore;
    private final FindingStore findings;
    private final FindingUpdates findingUpdates;

    /**
     * What one run changed, accumulated over the chunks it writes: counts for its audit entry and
     * evaluation, and the results that flipped since the last evidence was written.
     */
    public static final class Changes {
        public int received;
        public int changed;
        public int opened;
        public int reopened;
        public int closed;
        /** Results that appeared, changed outcome or went away, not yet written as evidence. */
        public final List<Map<String, Object>> flipped = new ArrayList<>();
        public final List<UUID> openedIds = new ArrayList<>();
        public final List<UUID> closedIds = new ArrayList<>();
        Map<ControlKey, ControlState> states;
        /** Tally deltas held back for one write at the end ({@link #flushTallies}); null when each apply writes its own. */
        private Map<String, int[]> pendingTallies;

        /**
         * Holds the tally deltas of every {@link #apply} back until {@link #flushTallies}, so that a write
         * touching several resource types adjusts the tallies once; {@code RunRecorder.finish}, the last step of every run, flushes them in the same transaction.
         */
        public Changes deferTallies() {
            pendingTallies = new HashMap<>();
            return this;
        }

        public boolean hasEvidence() {
            return !flipped.isEmpty() || !openedIds.isEmpty() || !closedIds.isEmpty();
        }

        public void evidenceWritten() {
            flipped.clear();
            openedIds.clear();
            closedIds.clear();
        }
    }

    /**
     * How results of a set of resources are kept. A resource Attest stores (pushed or collected) has
     * a result row only for a check it does not pass: a stored resource with no row for a check of
     * its type passes it, so an estate that mostly passes costs a row per failure, not per check.
     * A resource a record module offers is not stored, so each of its results has a row.
     *
     * @param newResources stored resources evaluated for the first time (no earlier result at all)
     * @param newChecks    checks evaluated for the first time (no earlier result on any resource)
     */
    public record Keeping(boolean implied, Set<String> newResources, Set<String> newChecks) {

        /** Stored resources, none of them or their checks new. */
        public static final Keeping STORED = new Keeping(true, Set.of(), Set.of());
        /** Resources a record module offers: every result has its row. */
        public static final Keeping OFFERED = new Keeping(false, Set.of(), Set.of());

        public static Keeping stored(Set<String> newResources, Set<String> newChecks) {
            return new Keeping(true, newResources, newChecks);
        }

        /** Whether this check had a result on this resource before (without a row, a stored one passed). */
        boolean hadResult(String checkKey, String resourceId) {
            return implied && !newResources.contains(resourceId) && !newChecks.contains(checkKey);
        }
    }

    /**
     * Applies the verdicts of {@code checks} (all of one type) on the evaluated resources, and
     * removes every result of the removed resources.
     *
     * @param verdicts each check's verdict on each evaluated resource
     */
    public void apply(WorkspaceId workspace, String type, Map<String, Check> checks, Collection<String> evaluated,
                      List<CheckResult> verdicts, Collection<String> removed, Instant now, Changes changes) {
        apply(workspace, type, checks, evaluated, verdicts, removed, now, changes, Keeping.STORED);
    }

    public void apply(WorkspaceId workspace, String type, Map<String, Check> checks, Collection<String> evaluated,
                      List<CheckResult> verdicts, Collection<String> removed, Instant now, Changes changes, Keeping keeping) {
        Set<String> ids = new LinkedHashSet<>(evaluated);
        ids.addAll(removed);
        if (ids.isEmpty()) {
            return;
        }
        Set<String> gone = removed instanceof Set<String> set ? set : new HashSet<>(removed);
        // a resource seen for the first time has no result to look up
        List<String> known = ids.stream().filter(id -> !keeping.newResources().contains(id)).toList();
        Map<String, ResultStore.Stored> stored = known.isEmpty() ? Map.of() : results.latest(workspace, type, known);
        List<CheckResult> inserts = new ArrayList<>();
        List<CheckResult> updates = new ArrayList<>();
        List<String[]> deletes = new ArrayList<>();
        Map<String, int[]> tallies = new HashMap<>();
        // pairs whose finding may need opening (failing), closing (passing or gone) or a new observation
        Map<String, CheckResult> failing = new LinkedHashMap<>();
        Map<String, String> toClose = new LinkedHashMap<>();
        // passing results that appeared, by check: written as evidence one entry per check
        Map<String, List<String>> appearedPassing = new LinkedHashMap<>();
        Set<String> seen = new HashSet<>();
        for (CheckResult verdict : verdicts) {
            String pair = ResultStore.pair(verdict.checkKey(), verdict.resourceId());
            seen.add(pair);
            ResultStore.Stored before = stored.get(pair);
            String was = before != null ? before.outcome() : keeping.hadResult(verdict.checkKey(), verdict.resourceId()) ? "pass" : null;
            if (keeping.implied() && verdict.passed()) {
                if (before != null) {
                    // a stored resource's passing result has no row
                    deletes.add(new String[]{verdict.checkKey(), verdict.resourceId()});
                }
                if (was == null) {
                    count(tallies, verdict.checkKey(), "pass", 1);
                    appearedPassing.computeIfAbsent(verdict.checkKey(), k -> new ArrayList<>()).add(verdict.resourceId());
                } else if (!"pass".equals(was)) {
                    count(tallies, verdict.checkKey(), was, -1);
                    count(tallies, verdict.checkKey(), "pass", 1);
                    flipped(changes, verdict, was);
                    toClose.put(pair, "the check passes again");
                }
                continue;
            }
            if (before == null) {
                inserts.add(verdict);
                if (was != null) {
                    count(tallies, verdict.checkKey(), was, -1);
                }
                count(tallies, verdict.checkKey(), verdict.outcome(), 1);
                flipped(changes, verdict, was);
            } else if (!before.outcome().equals(verdict.outcome())) {
                updates.add(verdict);
                count(tallies, verdict.checkKey(), before.outcome(), -1);
                count(tallies, verdict.checkKey(), verdict.outcome(), 1);
                flipped(changes, verdict, before.outcome());
            } else if (Objects.equals(before.error(), ResultStore.clip(verdict.error()))
                    && before.observed().equals(Documents.write(verdict.observed()))) {
                continue; // the same verdict for the same reasons: nothing to write, no finding to touch
            } else {
                updates.add(verdict);
            }
            if (verdict.passed()) {
                if (before != null && !"pass".equals(before.outcome())) {
                    toClose.put(pair, "the check passes again");
                }
            } else {
                failing.put(pair, verdict);
            }
        }
        for (var entry : stored.entrySet()) {
            String pair = entry.getKey();
            String checkKey = pair.substring(0, pair.indexOf('\u0000'));
            String resourceId = pair.substring(pair.indexOf('\u0000') + 1);
            boolean inScope = gone.contains(resourceId) || checks.containsKey(checkKey);
            if (seen.contains(pair) || !inScope) {
                continue;
            }
            deletes.add(new String[]{checkKey, resourceId});
            count(tallies, checkKey, entry.getValue().outcome(), -1);
            Map<String, Object> removal = new LinkedHashMap<>();
            removal.put("checkKey", checkKey);
            removal.put("resourceType", type);
            removal.put("resourceId", resourceId);
            removal.put("outcome", null);
            removal.put("was", entry.getValue().outcome());
            changes.flipped.add(removal);
            if (!"pass".equals(entry.getValue().outcome())) {
                toClose.put(pair, "the resource or the check is gone");
            }
        }
        if (keeping.implied() && !gone.isEmpty()) {
            // a removed stored resource also takes the passing results it had without rows
            for (String checkKey : checks.keySet()) {
                List<String> passedBefore = new ArrayList<>();
                for (String resourceId : gone) {
                    String pair = ResultStore.pair(checkKey, resourceId);
                    if (!stored.containsKey(pair) && !seen.contains(pair) && keeping.hadResult(checkKey, resourceId)) {
                        passedBefore.add(resourceId);
                    }
                }
                if (!passedBefore.isEmpty()) {
                    count(tallies, checkKey, "pass", -passedBefore.size());
                    changes.flipped.add(group(checkKey, type, null, "pass", passedBefore));
                }
            }
        }
        appearedPassing.forEach((checkKey, resourceIds) -> changes.flipped.add(group(checkKey, type, "pass", null, resourceIds)));
        results.delete(workspace, type, deletes);
        results.update(workspace, updates, now);
        results.insert(workspace, inserts, now);
        if (changes.pendingTallies != null) {
            tallies.forEach((checkKey, delta) -> {
                int[] pending = changes.pendingTallies.computeIfAbsent(checkKey, k -> new int[2]);
                pending[0] += delta[0];
                pending[1] += delta[1];
            });
        } else {
            tallyStore.adjustTallies(workspace, tallies, now);
        }
        if (!failing.isEmpty() || !toClose.isEmpty()) {
            findingUpdates.apply(workspace, type, checks, failing, toClose, now, changes);
        }
    }

    /** Writes the tally deltas {@link Changes#deferTallies} held back, in the caller's transaction. */
    public void flushTallies(WorkspaceId workspace, Changes changes, Instant now) {
        if (changes.pendingTallies != null && !changes.pendingTallies.isEmpty()) {
            tallyStore.adjustTallies(workspace, changes.pendingTallies, now);
            changes.pendingTallies.clear();
        }
    }

    /** One evidence entry for the same change of one check's result on many resources. */
    private static Map<String, Object> group(String checkKey, String type, String outcome, String was, List<String> resourceIds) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("checkKey", checkKey);
        entry.put("resourceType", type);
        entry.put("resourceIds", resourceIds);
        entry.put("outcome", outcome);
        entry.put("was", was);
        return entry;
    }

    /** Closes every open finding of a check and forgets its results (the check was deleted or reads another type now). */
    public void dropCheck(WorkspaceId workspace, String checkKey, Instant now, Changes changes) {
        Map<String, Object> dropped = new LinkedHashMap<>();
        dropped.put("checkKey", checkKey);
        dropped.put("dropped", true);
        changes.flipped.add(dropped);
        results.deleteCheck(workspace, checkKey);
        changes.closed += findings.closeAllOfCheck(workspace, checkKey, now, "the check is gone");
    }

    private static void flipped(Changes changes, CheckResult verdict, String was) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("checkKey", verdict.checkKey());
        entry.put("resourceType", verdict.resourceType());
        entry.put("resourceId", verdict.resourceId());
        entry.put("outcome", verdict.outcome());
        entry.put("was", was);
        if (verdict.error() != null) {
            entry.put("error", verdict.error());
        }
        entry.put("observed", verdict.observed());
        changes.flipped.add(entry);
    }

    /** Adds {@code by} to the passed or failed count of a check's tally. */
    static void count(Map<String, int[]> tallies, String checkKey, String outcome, int by) {
        int[] tally = tallies.computeIfAbsent(checkKey, k -> new int[2]);
        tally["pass".equals(outcome) ? 0 : 1] += by;
    }
}
