package dev.attest.monitoring.internal;

import dev.attest.catalog.ControlKey;
import dev.attest.controls.ControlProof;
import dev.attest.identity.WorkspaceId;
import dev.attest.monitoring.ControlMonitor;
import dev.attest.monitoring.ControlMonitors;
import dev.attest.monitoring.Finding;
import dev.attest.monitoring.FindingFilter;
import dev.attest.monitoring.Monitoring;
import lombok.RequiredArgsConstructor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Shows a control's page its monitors, since when each failing check fails (its oldest open finding),
 * and for its history when its checks' findings opened and closed.
 */
@Component
@RequiredArgsConstructor
class MonitoringProof implements ControlProof {

    private final ObjectProvider<ControlMonitors> monitors;
    private final ObjectProvider<Monitoring> monitoring;

    @Override
    public List<Monitor> monitors(WorkspaceId workspace, ControlKey control) {
        Map<String, Instant> since = new HashMap<>();
        // a risk-accepted finding's check is failing still
        for (Finding f : monitoring.getObject().findings(workspace, new FindingFilter(null, null, null, null, control.value()), 1000)) {
            if (f.closedAt() != null) {
                continue;
            }
            since.merge(f.checkKey(), f.openedAt(), (a, b) -> a.isBefore(b) ? a : b);
        }
        return monitors.getObject().of(workspace, control.value()).stream().map(m -> view(m, since, control)).toList();
    }

    /** Check flips: each finding of the control's checks opened (failing) and, once it passed again, closed. */
    @Override
    public List<HistoryEntry> history(WorkspaceId workspace, ControlKey control, int limit) {
        Monitoring service = monitoring.getObject();
        Map<String, String> titles = new HashMap<>();
        service.checks(workspace).forEach(c -> titles.put(c.key(), c.title()));
        List<HistoryEntry> entries = new java.util.ArrayList<>();
        // Findings come open first, by due date: read them all (a control has few) and let controls sort by time.
        for (Finding f : service.findings(workspace, new FindingFilter(null, null, null, null, control.value()), 1000)) {
            String check = titles.getOrDefault(f.checkKey(), f.checkKey());
            String link = "/monitoring/findings/" + f.id();
            entries.add(new HistoryEntry(f.openedAt(), "check", "system", check + ": failing on " + f.resourceId(), link));
            if (f.closedAt() != null) {
                entries.add(new HistoryEntry(f.closedAt(), "check", "system", check + ": passing again on " + f.resourceId(), link));
            }
        }
        return entries;
    }

    private static Monitor view(ControlMonitor m, Map<String, Instant> since, ControlKey control) {
        boolean check = m.kind().equals("technical") || m.kind().equals("record");
        boolean failing = "failing".equals(m.state()) || "lapsed".equals(m.state());
        return new Monitor(m.kind(), m.key(), m.title(), m.state(), failing && m.check() != null ? since.get(m.check()) : null,
                check ? "/monitoring/checks/" + m.key() : "/evidence?control=" + control.value());
    }
}
