package dev.attest.evidence.internal;

import dev.attest.evidence.LedgerCheckpoint;

import java.security.PublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a ledger check trusts besides the export itself, so that it does not believe what the database
 * says about itself.
 *
 * @param pinnedFingerprints the SHA-256 fingerprints of the only keys whose checkpoints count; null trusts
 *                           the keys the export lists (the old, unpinned check: it proves consistency only)
 * @param pinnedKeys         pinned keys by key id, used even when the export does not list them
 * @param anchors            earlier checkpoints the ledger must still extend
 * @param now                the time the head's freshness is judged at, or null to skip that rule
 * @param maxUnsigned        how long entries may wait for a checkpoint before the head counts as stale
 */
public record VerificationPolicy(Set<String> pinnedFingerprints, Map<String, PublicKey> pinnedKeys, List<Anchor> anchors,
                                 Instant now, Duration maxUnsigned) {

    /**
     * An earlier checkpoint the ledger must extend and still hold (the application never removes one).
     *
     * @param origin where it came from, for the message ("the earlier checkpoint given")
     */
    public record Anchor(LedgerCheckpoint checkpoint, String origin) {
    }

    public VerificationPolicy {
        pinnedFingerprints = pinnedFingerprints == null ? null : Set.copyOf(pinnedFingerprints);
        pinnedKeys = Map.copyOf(pinnedKeys);
        anchors = anchors.stream().sorted(Comparator.comparingLong(a -> a.checkpoint().count())).toList();
    }

    /** Trusts the export's own keys and checks nothing else: consistency, not authenticity. */
    public static VerificationPolicy unpinned() {
        return new VerificationPolicy(null, Map.of(), List.of(), null, null);
    }

    public boolean pinned() {
        return pinnedFingerprints != null;
    }
}
