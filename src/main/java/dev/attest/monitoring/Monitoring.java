package dev.attest.monitoring;

import dev.attest.identity.WorkspaceId;
import dev.attest.monitoring.internal.CheckDefinitions;
import dev.attest.monitoring.internal.FindingQueries;
import dev.attest.monitoring.internal.ResultQueries;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;

import java.util.List;
import java.util.Map;

/**
 * What other modules read of monitoring: a workspace's checks and their tallies, its evaluations,
 * stored resources and findings. Everything monitoring does (check editing, resource intake,
 * evaluation runs, findings work) sits in its {@code internal} use cases; this only reads through them.
 */
@Service
@RequiredArgsConstructor
public class Monitoring {

    /** At most this many resources in one listing. */
    public static final int MAX_LISTED = 1000;

    private final CheckDefinitions checks;
    private final ResultQueries results;
    private final FindingQueries findings;

    /** Built-in checks and the workspace's own, by key. */
    public List<Check> checks(WorkspaceId workspace) {
        return checks.checks(workspace);
    }

    /** Each check's latest tally: passed and failed resources. */
    public Map<String, CheckTally> tallies(WorkspaceId workspace) {
        return results.tallies(workspace);
    }

    /** Evaluations, most recent first (at most 1,000). */
    public List<Evaluation> evaluations(WorkspaceId workspace, int limit) {
        return results.evaluations(workspace, limit);
    }

    /** Stored resources, optionally of one type: at most {@link #MAX_LISTED}. */
    public List<StoredResource> resources(WorkspaceId workspace, String type, int limit) {
        return results.resources(workspace, type, limit);
    }

    /** The first findings matching the filter, open ones first by due date. */
    public List<Finding> findings(WorkspaceId workspace, FindingFilter filter, int limit) {
        return findings.findings(workspace, filter, limit);
    }

    /** How many findings match the filter, counted in the database. */
    public long countFindings(WorkspaceId workspace, FindingFilter filter) {
        return findings.countFindings(workspace, filter);
    }

    /** How many findings match the filter, by severity (every severity named, zero where none). */
    public Map<Severity, Long> countFindingsBySeverity(WorkspaceId workspace, FindingFilter filter) {
        return findings.countFindingsBySeverity(workspace, filter);
    }

    /** Every finding a check still fails, risk-accepted ones included, open ones first by due date. */
    public List<Finding> failingFindings(WorkspaceId workspace, int limit) {
        return findings.failingFindings(workspace, limit);
    }

    /** How many open findings (risk-accepted ones aside) are past their due date. */
    public long countOverdueFindings(WorkspaceId workspace) {
        return findings.countOverdueFindings(workspace);
    }
}
