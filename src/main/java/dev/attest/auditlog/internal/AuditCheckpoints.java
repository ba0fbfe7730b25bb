package dev.attest.auditlog.internal;

import dev.attest.crypto.Digests;
import dev.attest.auditlog.AuditCheckpoint;
import dev.attest.crypto.CheckpointWitness;
import dev.attest.crypto.MasterKey;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.Signature;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Signed checkpoints over each audit-trail chain, so that the trail does not rest on an unkeyed hash
 * that anyone who can write the database can recompute. The Ed25519 key is derived from the operator's
 * master key; the newest checkpoint is also kept outside the database ({@link CheckpointWitness}). The
 * head is signed every {@link #EVERY} entries when they are appended and by a scheduled job every
 * checkpoint interval otherwise.
 */
@Component
class AuditCheckpoints {

    private static final Logger log = LoggerFactory.getLogger(AuditCheckpoints.class);
    static final int EVERY = 100;
    private static final String KIND = "audit";

    private final CheckpointStore store;
    private final MasterKey master;
    private final CheckpointWitness witness;
    private final Clock clock;
    private final Duration interval;
    private final TransactionTemplate transactions;
    private final Map<UUID, KeyPair> keys = new ConcurrentHashMap<>();

    AuditCheckpoints(CheckpointStore store, MasterKey master, CheckpointWitness witness, Clock clock, TransactionTemplate transactions,
                     @Value("${attest.audit-log.checkpoint-interval:PT10M}") Duration interval) {
        this.store = store;
        this.master = master;
        this.witness = witness;
        this.clock = clock;
        this.transactions = transactions;
        this.interval = interval;
    }

    private KeyPair key(UUID chain) {
        return keys.computeIfAbsent(chain, c -> master.signingKeyPair("audit trail checkpoints " + c));
    }

    String fingerprint(UUID chain) {
        return Digests.sha256Hex(key(chain).getPublic().getEncoded());
    }

    String keyId(UUID chain) {
        return fingerprint(chain).substring(0, 16);
    }

    java.security.PublicKey publicKey(UUID chain) {
        return key(chain).getPublic();
    }

    Duration interval() {
        return interval;
    }

    /** Signs the head (whose row the caller has locked) when it still extends the checkpoint kept outside the database. */
    boolean sign(UUID chain, long seq, String hash) {
        if (!extendsWitness(chain, seq, hash)) {
            return false;
        }
        String signedAt = clock.instant().truncatedTo(ChronoUnit.MILLIS).toString();
        String signature;
        try {
            Signature signer = Signature.getInstance("Ed25519");
            signer.initSign(key(chain).getPrivate());
            signer.update(AuditChain.checkpointMessage(chain.toString(), seq, hash, signedAt));
            signature = Base64.getEncoder().encodeToString(signer.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        store.insert(chain, seq, hash, signedAt, keyId(chain), signature);
        witness.recordAfterCommit(KIND, chain, List.of(Long.toString(seq), hash, signedAt, keyId(chain), signature));
        return true;
    }

    /** Signs the chain's head now if it moved since its last checkpoint. */
    boolean signHead(UUID chain) {
        Boolean signed = transactions.execute(status -> {
            var head = store.lockHead(chain).filter(CheckpointStore.Head::moved);
            return head.isPresent() && sign(chain, head.get().seq(), head.get().hash());
        });
        return Boolean.TRUE.equals(signed);
    }

    @Scheduled(fixedDelayString = "${attest.audit-log.checkpoint-interval:PT10M}")
    @SchedulerLock(name = "auditlog.checkpoints")
    void signMovedHeads() {
        for (UUID chain : store.movedChains()) {
            signHead(chain);
        }
    }

    /**
     * Whether the chain up to the head still extends the checkpoint kept outside the database, recomputed
     * entry by entry from it; signing anything else would vouch for a trail rewritten in the database.
     */
    private boolean extendsWitness(UUID chain, long headSeq, String headHash) {
        Optional<AuditCheckpoint> known = kept(chain);
        if (known.isEmpty()) {
            return true;
        }
        AuditCheckpoint checkpoint = known.get();
        var walk = new Object() {
            String hash = checkpoint.count() <= headSeq ? checkpoint.hash() : null;
            long expected = checkpoint.count();
        };
        if (walk.hash != null) {
            store.entries(chain, checkpoint.count(), headSeq, e -> {
                if (walk.hash == null || e.seq() != walk.expected) {
                    walk.hash = null;
                    return;
                }
                walk.expected++;
                if (e.seq() == checkpoint.count()) {
                    walk.hash = e.hash().equals(checkpoint.hash()) ? walk.hash : null;
                    return;
                }
                String computed = EntryHash.of(chain, e.seq(), e.occurredAt(), e.actor(), e.action(), e.target(), e.summary(),
                        e.address(), e.userAgent(), walk.hash);
                walk.hash = computed.equals(e.hash()) && e.previousHash().equals(walk.hash) ? computed : null;
            });
        }
        if (walk.hash != null && walk.hash.equals(headHash) && walk.expected == headSeq + 1) {
            return true;
        }
        log.error("Not signing the audit trail of {}: its entries up to {} no longer extend the checkpoint at entry {} signed {}, "
                + "which this installation keeps outside the database. The trail was changed in the database.", chain, headSeq,
                checkpoint.count(), checkpoint.time());
        return false;
    }

    Optional<AuditCheckpoint> kept(UUID chain) {
        return witness.read(KIND, chain).map(f -> new AuditCheckpoint(chain.toString(), Long.parseLong(f.get(0)), f.get(1), f.get(2),
                f.get(3), f.get(4)));
    }

    /** The chain's checkpoints as the database holds them, oldest first. */
    List<AuditCheckpoint> stored(UUID chain) {
        return store.checkpoints(chain);
    }
}
