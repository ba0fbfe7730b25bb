package dev.attest.evidence.internal;

import dev.attest.catalog.Catalog;
import dev.attest.catalog.ControlKey;
import dev.attest.controls.ControlSignal;
import dev.attest.controls.ControlSignals;
import dev.attest.identity.WorkspaceId;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/** Tells controls which of them have uploaded evidence that is still valid. */
@Component
class EvidenceSignals implements ControlSignals {

    private final EvidenceRepository repository;
    private final Catalog catalog;
    private final Clock clock;

    EvidenceSignals(EvidenceRepository repository, Catalog catalog, Clock clock) {
        this.repository = repository;
        this.catalog = catalog;
        this.clock = clock;
    }

    @Override
    public Map<ControlKey, ControlSignal> signals(WorkspaceId workspace) {
        Map<ControlKey, ControlSignal> signals = new HashMap<>();
        repository.forEachValidUpload(workspace, clock.instant(), (controls, at) -> {
            for (String key : controls) {
                catalog.control(key).ifPresent(control ->
                        signals.merge(control.key(), new ControlSignal(0, 0, true, at), ControlSignal::plus));
            }
        });
        return signals;
    }
}
