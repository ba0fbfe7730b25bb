package dev.attest.monitoring.internal;

import dev.attest.identity.WorkspaceId;
import dev.attest.monitoring.Finding;
import dev.attest.monitoring.FindingEvent;
import dev.attest.monitoring.FindingFilter;
import dev.attest.monitoring.Severity;
import dev.attest.web.NotFoundException;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Findings as lists, counts and one finding with its history. */
@Service
@RequiredArgsConstructor
public class FindingQueries {

    private final FindingStore findings;

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
        Map<Severity, Long> bySeverity = new EnumMap<>(Severity.class);
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
        List<Finding> failing = new ArrayList<>(findings(workspace, FindingFilter.open(), limit));
        failing.addAll(findings(workspace, FindingFilter.accepted(), limit));
        return failing.size() > limit ? failing.subList(0, limit) : failing;
    }

    /** How many open findings (risk-accepted ones aside) are past their due date, which their severity set when they opened. */
    @Transactional(readOnly = true)
    public long countOverdueFindings(WorkspaceId workspace) {
        return findings.countOverdue(workspace);
    }

    @Transactional(readOnly = true)
    public Finding finding(WorkspaceId workspace, UUID id) {
        return findings.find(workspace, id).orElseThrow(() -> new NotFoundException("No finding " + id));
    }

    @Transactional(readOnly = true)
    public List<FindingEvent> findingHistory(WorkspaceId workspace, UUID id) {
        return findings.history(finding(workspace, id).id());
    }
}
