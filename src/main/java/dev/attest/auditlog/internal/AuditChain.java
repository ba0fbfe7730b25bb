package dev.attest.auditlog.internal;

import dev.attest.auditlog.AuditCheckpoint;
import dev.attest.auditlog.AuditEntry;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The rules a workspace's audit trail is judged by, shared by the application (over its database) and the
 * offline verifier (over an export), so that both reach the same verdict with the same words: entries
 * link from the first, each hash is what {@link EntryHash} computes, every checkpoint is signed by the
 * pinned key and names a hash the entries produce, each earlier checkpoint (anchor) is still extended and
 * held, and the head is signed or younger than the checkpoint interval.
 */
public final class AuditChain {

    private AuditChain() {
    }

    /** The Ed25519 message a checkpoint signs. */
    static byte[] checkpointMessage(String chain, long seq, String hash, String signedAt) {
        return ("attest-audit-checkpoint\n" + chain + "\n" + seq + "\n" + hash + "\n" + signedAt).getBytes(StandardCharsets.UTF_8);
    }

    static boolean signedBy(PublicKey key, String keyId, AuditCheckpoint checkpoint) {
        if (key == null || !keyId.equals(checkpoint.keyId())) {
            return false;
        }
        try {
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(key);
            verifier.update(checkpointMessage(checkpoint.workspace(), checkpoint.count(), checkpoint.hash(), checkpoint.time()));
            return verifier.verify(Base64.getDecoder().decode(checkpoint.signature()));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    /** A problem found: the entry it concerns and what is wrong. */
    public record Problem(long seq, String message) {
    }

    /** An earlier checkpoint the trail must still extend and hold, and where it came from (for the message). */
    public record Anchor(AuditCheckpoint checkpoint, String origin) {
    }

    /**
     * A walk over the entries, oldest first, that stops at the first broken link and keeps the hash of every
     * entry a checkpoint names.
     */
    public static final class Walk {

        private final UUID chain;
        private final Map<Long, String> hashes = new HashMap<>();
        private final long newestSigned;
        private long expected = 1;
        private String previous = EntryHash.GENESIS;
        private Problem broken;
        private Instant firstUnsignedAt;

        /**
         * @param named        the entries whose hashes the checkpoints and anchors name
         * @param newestSigned the entry the newest checkpoint covers (0 when none): the next one starts the unsigned head
         */
        public Walk(UUID chain, Iterable<Long> named, long newestSigned) {
            this.chain = chain;
            named.forEach(seq -> hashes.put(seq, null));
            this.newestSigned = newestSigned;
        }

        /** Takes the next entry; false once the chain is broken (the rest is not looked at). */
        public boolean accept(AuditEntry e) {
            if (broken != null) {
                return false;
            }
            if (e.seq() != expected) {
                broken = new Problem(expected, "entry " + expected + " is missing");
            } else if (!e.previousHash().equals(previous)) {
                broken = new Problem(e.seq(), "entry " + e.seq() + " does not link to the entry before it");
            } else if (!EntryHash.of(chain, e.seq(), e.occurredAt(), e.actor(), e.action(), e.target(), e.summary(), e.address(),
                    e.userAgent(), e.previousHash()).equals(e.hash())) {
                broken = new Problem(e.seq(), "entry " + e.seq() + " was changed after it was written");
            } else {
                previous = e.hash();
                expected++;
                if (hashes.containsKey(e.seq())) {
                    hashes.put(e.seq(), e.hash());
                }
                if (e.seq() == newestSigned + 1) {
                    firstUnsignedAt = e.occurredAt();
                }
            }
            return broken == null;
        }

        /** Marks the chain broken from outside (the head the database names, the end of an export). */
        public void breakAt(long seq, String problem) {
            if (broken == null) {
                broken = new Problem(seq, problem);
            }
        }

        /** How many entries linked up. */
        public long checked() {
            return expected - 1;
        }

        /** The hash of the last entry that linked up. */
        public String head() {
            return previous;
        }

        public Problem broken() {
            return broken;
        }

        /**
         * The first problem: a broken link, or else what the checkpoints say against the entries.
         *
         * @param key the pinned key; checkpoints signed by anything else prove nothing
         * @param now the time the head's freshness is judged at
         */
        public Problem verdict(PublicKey key, String keyId, String fingerprint, List<AuditCheckpoint> stored, List<Anchor> anchors,
                               Instant now, Duration interval) {
            if (broken != null) {
                return broken;
            }
            return judge(key, keyId, fingerprint, checked(), hashes, stored, anchors, now, interval, firstUnsignedAt);
        }
    }

    private static Problem judge(PublicKey key, String keyId, String fingerprint, long entries, Map<Long, String> hashes,
                                 List<AuditCheckpoint> stored, List<Anchor> anchors, Instant now, Duration interval,
                                 Instant firstUnsignedAt) {
        for (AuditCheckpoint checkpoint : stored) {
            if (!signedBy(key, keyId, checkpoint)) {
                return new Problem(checkpoint.count(), "checkpoint at entry " + checkpoint.count() + " is not signed by this workspace's "
                        + "key (fingerprint " + fingerprint + "): its signature proves nothing");
            }
            if (!checkpoint.hash().equals(hashes.get(checkpoint.count()))) {
                return new Problem(checkpoint.count(), "checkpoint at entry " + checkpoint.count() + " names a hash the entries do not produce");
            }
        }
        for (Anchor anchor : anchors) {
            String origin = anchor.origin();
            AuditCheckpoint checkpoint = anchor.checkpoint();
            if (checkpoint.count() > entries) {
                return new Problem(entries + 1, "the trail ends at entry " + entries + ", but " + origin + " (signed " + checkpoint.time()
                        + ") covers " + checkpoint.count() + " entries: entries were removed from its end");
            }
            if (!checkpoint.hash().equals(hashes.get(checkpoint.count()))) {
                return new Problem(checkpoint.count(), "entry " + checkpoint.count() + " does not match " + origin + " (signed "
                        + checkpoint.time() + "): the trail was rewritten at or before entry " + checkpoint.count());
            }
            if (!signedBy(key, keyId, checkpoint)) {
                return new Problem(checkpoint.count(), origin + " at entry " + checkpoint.count() + " is not signed by this workspace's key");
            }
            if (!stored.contains(checkpoint)) {
                return new Problem(checkpoint.count(), "the checkpoint at entry " + checkpoint.count() + ", " + origin
                        + ", is missing from the trail");
            }
        }
        long signed = stored.isEmpty() ? 0 : stored.get(stored.size() - 1).count();
        Duration allowed = interval.plusMinutes(1);
        if (signed < entries && firstUnsignedAt != null && Duration.between(firstUnsignedAt, now).compareTo(allowed) > 0) {
            return new Problem(signed + 1, "the head is not covered by a recent signed checkpoint: "
                    + (signed == 0 ? "there is no signed checkpoint at all" : "the newest signed checkpoint covers entry " + signed)
                    + ", and entries " + (signed + 1) + " to " + entries + " have waited since " + firstUnsignedAt
                    + ", longer than the checkpoint interval allows (" + allowed + "); checkpoints were deleted or signing stopped");
        }
        return null;
    }
}
