package dev.attest.evidence.internal;

import dev.attest.catalog.ControlKey;
import dev.attest.controls.ControlSignal;
import dev.attest.controls.ControlSignals;
import dev.attest.evidence.ControlFreshness;
import dev.attest.evidence.EvidenceFreshness;
import dev.attest.identity.WorkspaceId;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.Map;

/**
 * Tells controls which of them have fresh evidence: an uploaded file or the owner's attestation
 * collected within the control's window and still valid.
 */
@Component
@RequiredArgsConstructor
class EvidenceSignals implements ControlSignals {

    private final EvidenceFreshness freshness;

    @Override
    public Map<ControlKey, ControlSignal> signals(WorkspaceId workspace) {
        Map<ControlKey, ControlSignal> signals = new HashMap<>();
        for (ControlFreshness f : freshness.all(workspace)) {
            if (f.fresh()) {
                signals.put(new ControlKey(f.control()), new ControlSignal(0, 0, true, f.latestAt()));
            }
        }
        return signals;
    }
}
