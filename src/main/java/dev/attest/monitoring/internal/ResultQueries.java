package dev.attest.monitoring.internal;

import dev.attest.identity.WorkspaceId;
import dev.attest.monitoring.Check;
import dev.attest.monitoring.CheckResult;
import dev.attest.monitoring.CheckTally;
import dev.attest.monitoring.Evaluation;
import dev.attest.monitoring.Monitoring;
import dev.attest.monitoring.PastStatus;
import dev.attest.monitoring.StoredResource;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** What monitoring holds now and held then: evaluations, each check's results and tally, stored resources, the status at a past time. */
@Service
@RequiredArgsConstructor
public class ResultQueries {

    private final WorkspaceChecks checks;
    private final ResultStore results;
    private final TallyStore tallyStore;
    private final ResourceStore resources;
    private final Evaluator evaluator;
    private final ResultEvidence resultEvidence;
    private final Clock clock;

    @Transactional(readOnly = true)
    public List<Evaluation> evaluations(WorkspaceId workspace, int limit) {
        return results.evaluations(workspace, Math.max(1, Math.min(limit, 1000)));
    }

    /** The latest results of one check, failures first: one page of at most 1,000. */
    @Transactional(readOnly = true)
    public List<CheckResult> results(WorkspaceId workspace, String checkKey, int limit, int offset) {
        Check check = checks.get(workspace, checkKey);
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
        return tallyStore.tallies(workspace);
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

    /** Stored resources, optionally of one type: at most {@link Monitoring#MAX_LISTED}. */
    @Transactional(readOnly = true)
    public List<StoredResource> resources(WorkspaceId workspace, String type, int limit) {
        return resources.list(workspace, type, Math.max(1, Math.min(limit, Monitoring.MAX_LISTED)));
    }

    @Transactional(readOnly = true)
    public Map<String, Integer> resourceCounts(WorkspaceId workspace) {
        return resources.countByType(workspace);
    }
}
