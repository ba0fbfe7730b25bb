package dev.attest.monitoring.internal;

import dev.attest.monitoring.CheckTally;
import dev.attest.catalog.Catalog;
import dev.attest.catalog.ControlKey;
import dev.attest.controls.ControlSignal;
import dev.attest.controls.ControlSignals;
import dev.attest.identity.WorkspaceId;
import dev.attest.monitoring.Check;
import dev.attest.monitoring.Monitoring;
import lombok.RequiredArgsConstructor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.Map;

/**
 * Tells controls how their checks fared in the latest evaluation: a check with any failing resource fails.
 * A passing evidence-freshness check says nothing: the evidence module tells whether evidence is fresh.
 */
@Component
@RequiredArgsConstructor
class MonitoringSignals implements ControlSignals {

    private final ObjectProvider<Monitoring> monitoring;
    private final Catalog catalog;

    @Override
    public Map<ControlKey, ControlSignal> signals(WorkspaceId workspace) {
        Monitoring service = monitoring.getObject();
        Map<String, CheckTally> tallies = service.tallies(workspace);
        Map<ControlKey, ControlSignal> signals = new HashMap<>();
        if (tallies.isEmpty()) {
            return signals;
        }
        for (Check check : service.checks(workspace)) {
            CheckTally tally = tallies.get(check.key());
            // A freshness check's pass would outlive the window until the next run; evidence tells freshness live.
            if (tally == null || (tally.failed() == 0 && check.resourceType().startsWith(FreshnessFeed.TYPE_PREFIX))) {
                continue;
            }
            ControlSignal signal = tally.failed() > 0 ? new ControlSignal(0, 1, false, tally.evaluatedAt())
                    : new ControlSignal(1, 0, false, tally.evaluatedAt());
            for (String key : check.controls()) {
                catalog.control(key).ifPresent(c -> signals.merge(c.key(), signal, ControlSignal::plus));
            }
        }
        return signals;
    }
}
