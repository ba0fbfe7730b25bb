package dev.attest.evidence.internal;

import dev.attest.catalog.ControlKey;
import dev.attest.controls.ControlProof;
import dev.attest.evidence.EvidenceFreshness;
import dev.attest.evidence.EvidenceItem;
import dev.attest.identity.WorkspaceId;
import lombok.RequiredArgsConstructor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Shows a control's page the files and attestations linked to it, newest first, each with whether it
 * still counts: within its own validity and within the control's freshness window. Check-result
 * snapshots are left out; the page shows the checks themselves. The same items are the evidence part
 * of the control's history.
 */
@Component
@RequiredArgsConstructor
class EvidenceProof implements ControlProof {

    private final EvidenceItemStore repository;
    private final ObjectProvider<EvidenceFreshness> freshness;
    private final Clock clock;

    @Override
    public List<Evidence> evidence(WorkspaceId workspace, ControlKey control, int limit) {
        int days = freshness.getObject().of(workspace, control.value()).days();
        Instant now = clock.instant();
        return repository.linked(workspace, control.value(), Math.max(limit, 1)).stream()
                .map(item -> view(item, days, now))
                .toList();
    }

    @Override
    public List<HistoryEntry> history(WorkspaceId workspace, ControlKey control, int limit) {
        return repository.linked(workspace, control.value(), limit).stream()
                .map(item -> new HistoryEntry(item.collectedAt(), "attestation".equals(item.kind()) ? "attestation" : "evidence",
                        item.collectedBy(), ("attestation".equals(item.kind()) ? "attested: " : item.kind() + " added: ") + item.title(),
                        "/evidence/" + item.id() + "/content"))
                .toList();
    }

    private static Evidence view(EvidenceItem item, int days, Instant now) {
        Instant until = item.collectedAt().plus(Duration.ofDays(days));
        if (item.validUntil() != null && item.validUntil().isBefore(until)) {
            until = item.validUntil();
        }
        return new Evidence(item.id().toString(), item.kind(), item.title(), item.collectedBy(), item.collectedAt(),
                item.validUntil(), until.isAfter(now), "/evidence/" + item.id() + "/content");
    }
}
