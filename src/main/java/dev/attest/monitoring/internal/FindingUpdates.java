package dev.attest.monitoring.internal;

import dev.attest.catalog.ControlKey;
import dev.attest.controls.ControlState;
import dev.attest.controls.WorkspaceControls;
import dev.attest.identity.WorkspaceId;
import dev.attest.monitoring.Check;
import dev.attest.monitoring.CheckResult;
import dev.attest.monitoring.Finding;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * The findings side of {@link RunWriter}: opens a finding for a result that fails now, reopens a
 * closed one, notes a new observation on an open one and closes those whose result passes or went
 * away, all in batches in the caller's transaction.
 */
@Component
@RequiredArgsConstructor
class FindingUpdates {

    private final FindingStore findings;
    private final WorkspaceControls controls;

    /**
     * Touches the findings of the results that fail now or no longer do, and counts what it did in {@code changes}.
     *
     * @param failing by result pair, the failing verdicts whose finding may need opening or a new observation
     * @param toClose by result pair, why its finding closes (it passes again, or it is gone)
     */
    void apply(WorkspaceId workspace, String type, Map<String, Check> checks, Map<String, CheckResult> failing,
               Map<String, String> toClose, Instant now, RunWriter.Changes changes) {
        Set<String> resourceIds = new LinkedHashSet<>();
        failing.values().forEach(r -> resourceIds.add(r.resourceId()));
        toClose.keySet().forEach(pair -> resourceIds.add(pair.substring(pair.indexOf('\u0000') + 1)));
        Map<String, Finding> latest = findings.latest(workspace, type, resourceIds);
        List<Finding> created = new ArrayList<>();
        List<Finding> reopened = new ArrayList<>();
        Map<UUID, Map<String, Object>> observed = new HashMap<>();
        List<UUID> closed = new ArrayList<>();
        List<FindingStore.Event> history = new ArrayList<>();
        for (var entry : toClose.entrySet()) {
            Finding current = latest.get(entry.getKey());
            if (current != null && "open".equals(current.status())) {
                closed.add(current.id());
                history.add(new FindingStore.Event(current.id(), now, "closed", entry.getValue()));
            }
        }
        for (var entry : failing.entrySet()) {
            CheckResult r = entry.getValue();
            Finding current = latest.get(entry.getKey());
            if (current != null && "open".equals(current.status())) {
                if (!current.observed().equals(r.observed())) {
                    observed.put(current.id(), r.observed());
                }
                continue;
            }
            Check check = checks.get(r.checkKey());
            String owner = owner(workspace, check, changes);
            Instant due = now.plus(Duration.ofDays(check.severity().dueDays()));
            String why = r.error() != null ? "error: " + r.error() : "failed with " + Documents.write(r.observed());
            if (current != null) {
                reopened.add(new Finding(current.id(), current.checkKey(), current.resourceType(), current.resourceId(), current.severity(),
                        current.controlKey(), owner, "open", current.openedAt(), due, null, r.observed()));
                history.add(new FindingStore.Event(current.id(), now, "reopened", why));
                changes.openedIds.add(current.id());
            } else {
                Finding f = new Finding(UUID.randomUUID(), r.checkKey(), r.resourceType(), r.resourceId(), check.severity(),
                        check.controls().isEmpty() ? null : check.controls().get(0), owner, "open", now, due, null, r.observed());
                created.add(f);
                history.add(new FindingStore.Event(f.id(), now, "opened", why));
                changes.openedIds.add(f.id());
            }
        }
        findings.closeAll(workspace, closed, now);
        findings.reopenAll(workspace, reopened);
        findings.observeAll(workspace, observed);
        findings.insertAll(workspace, created);
        findings.events(history);
        changes.closedIds.addAll(closed);
        changes.closed += closed.size();
        changes.reopened += reopened.size();
        changes.opened += created.size();
    }

    private String owner(WorkspaceId workspace, Check check, RunWriter.Changes changes) {
        if (changes.states == null) {
            changes.states = controls.states(workspace);
        }
        return check.controls().stream().map(k -> changes.states.get(new ControlKey(k))).filter(Objects::nonNull)
                .map(ControlState::owner).filter(Objects::nonNull).findFirst().orElse(null);
    }
}
