package dev.attest.evidence.internal;

import java.security.PublicKey;
import java.util.HashMap;
import java.util.Map;

/**
 * The keys an export's checkpoints may be signed with: the pinned ones, and those the export lists when
 * nothing is pinned. A key the export lists that is not pinned counts for nothing; its fingerprint is kept
 * to name it in the failure of a checkpoint it signs.
 */
final class ExportKeys {

    private final VerificationPolicy policy;
    private final Map<String, PublicKey> keys = new HashMap<>();
    private final Map<String, String> unpinned = new HashMap<>();

    ExportKeys(VerificationPolicy policy) {
        this.policy = policy;
        keys.putAll(policy.pinnedKeys());
    }

    /** A {@code public-key ID KEY} line, split; false when it is not a public key. */
    boolean listed(String[] f) {
        if (f.length != 3) {
            return false;
        }
        PublicKey key;
        try {
            key = LedgerFormat.publicKey(f[2]);
        } catch (IllegalArgumentException notAKey) {
            return false;
        }
        // A key the database (or whoever wrote the export) lists counts only when it is pinned.
        String fingerprint = LedgerFormat.fingerprint(key);
        if (!policy.pinned() || policy.pinnedFingerprints().contains(fingerprint)) {
            keys.putIfAbsent(f[1], key);
        } else {
            unpinned.put(f[1], fingerprint);
        }
        return true;
    }

    /** The key that counts for the id, or null. */
    PublicKey get(String keyId) {
        return keys.get(keyId);
    }

    /** The keys that count, by id. */
    Map<String, PublicKey> byId() {
        return keys;
    }

    /** The fingerprint of a listed key that is not pinned, in parentheses after a space, else nothing: for messages. */
    String fingerprintOfUnpinned(String keyId) {
        return unpinned.containsKey(keyId) ? " (fingerprint " + unpinned.get(keyId) + ")" : "";
    }
}
