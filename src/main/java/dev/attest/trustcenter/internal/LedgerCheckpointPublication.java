package dev.attest.trustcenter.internal;

import dev.attest.identity.Permission;
import dev.attest.identity.RequiresPermission;
import dev.attest.evidence.EvidenceLocker;
import dev.attest.evidence.LedgerCheckpoint;
import dev.attest.evidence.LedgerKey;
import dev.attest.identity.CurrentUser;
import dev.attest.identity.WorkspaceId;
import dev.attest.trustcenter.LedgerCheckpointPublicationChanged;
import dev.attest.web.InvalidFieldException;
import io.swagger.v3.oas.annotations.Operation;
import lombok.RequiredArgsConstructor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.util.Optional;

/**
 * The opt-in publication of the evidence ledger's newest signed checkpoint on the public Trust Center:
 * every visitor who keeps a copy makes rewriting the ledger's history detectable (they hand it to
 * {@code POST /api/v1/evidence/ledger/verify} or {@code verify-ledger --checkpoint}). Off by default.
 */
@RestController
@RequiredArgsConstructor
class LedgerCheckpointPublication {

    /** What the public page shows: the checkpoint and the fingerprint of the key that verifies it. */
    record Shown(LedgerCheckpoint checkpoint, String keyFingerprint) {
    }

    record Setting(Boolean published) {
    }

    private final TrustCenterStore store;
    private final EvidenceLocker evidence;
    private final ApplicationEventPublisher events;
    private final RenderCache cache;
    private final Clock clock;

    boolean published(WorkspaceId workspace) {
        return store.ledgerCheckpointPublished(workspace);
    }

    /** The checkpoint to show on the public site, when the workspace opted in and one is signed. */
    Optional<Shown> shown(WorkspaceId workspace) {
        if (!published(workspace)) {
            return Optional.empty();
        }
        return evidence.latestCheckpoint(workspace).map(c -> new Shown(c, evidence.ledgerKeys(workspace).stream()
                .filter(k -> k.keyId().equals(c.keyId())).map(LedgerKey::fingerprint).findFirst().orElse(null)));
    }

    @GetMapping("/api/v1/trust-center/ledger-checkpoint")
    @RequiresPermission(Permission.TRUST_CENTER_READ)
    @Operation(summary = "Whether the Trust Center publishes the evidence ledger's newest signed checkpoint (off by default)")
    Setting setting(CurrentUser user) {
        return new Setting(published(user.workspaceId()));
    }

    @PutMapping("/api/v1/trust-center/ledger-checkpoint")
    @RequiresPermission(Permission.TRUST_CENTER_WRITE)
    @Transactional
    @Operation(summary = "Publish the evidence ledger's newest signed checkpoint on the Trust Center ({\"published\": true}), or stop")
    Setting change(CurrentUser user, @RequestBody Setting setting) {
        if (setting == null || setting.published() == null) {
            throw new InvalidFieldException("published", "must be true or false");
        }
        store.publishLedgerCheckpoint(user.workspaceId(), setting.published(), clock.instant(), user.actor());
        events.publishEvent(new LedgerCheckpointPublicationChanged(user.workspaceId(), setting.published(), user.actor()));
        cache.clear();
        return setting;
    }
}
