package dev.attest.evidence.internal;

import dev.attest.evidence.LedgerCheckpoint;
import dev.attest.evidence.LedgerKey;
import dev.attest.evidence.LedgerStatus;
import dev.attest.evidence.LedgerVerification;
import dev.attest.identity.WorkspaceId;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiConsumer;

/**
 * The workspace's hash chain: appending entries and signing checkpoints. Appending locks the workspace's
 * head row, so entries get gap-free numbers even with several nodes; it runs inside the caller's
 * transaction, so an entry exists exactly when its evidence row does. Writing and verifying the export
 * is {@link LedgerExport}'s job.
 */
@Component
@RequiredArgsConstructor
public class Ledger {

    private static final Logger log = LoggerFactory.getLogger(Ledger.class);

    /** An entry to append. */
    public record Entry(UUID evidenceId, String kind, String sha256) {
    }

    private final LedgerStore store;
    private final LedgerKeys keys;
    private final Clock clock;
    private final EvidenceProperties properties;
    private final LedgerWitness witness;
    private final LedgerExport exports;

    /** Appends entries in order (multi-row inserts of up to 500 entries) and returns the sequence number of each. */
    public List<Long> append(WorkspaceId workspace, List<Entry> entries) {
        LedgerStore.Head head = store.lockHead(workspace);
        String recordedAt = clock.instant().truncatedTo(ChronoUnit.MILLIS).toString();
        String previous = head.hash();
        long seq = head.seq();
        List<Long> numbers = new ArrayList<>(entries.size());
        List<Object[]> rows = new ArrayList<>(entries.size());
        for (Entry entry : entries) {
            seq++;
            String hash = LedgerFormat.entryHash(previous, LedgerFormat.entryFields(seq, recordedAt, entry.evidenceId().toString(),
                    entry.kind(), entry.sha256()));
            rows.add(new Object[]{workspace.value(), seq, recordedAt, entry.evidenceId(), entry.kind(), entry.sha256(), hash});
            numbers.add(seq);
            previous = hash;
        }
        store.insertEntries(rows);
        long signedSeq = head.signedSeq();
        if (seq - signedSeq >= properties.getCheckpointEvery() && extendsWitness(workspace, seq, previous)) {
            sign(workspace, seq, previous);
            signedSeq = seq;
        }
        store.moveHead(workspace, seq, previous, signedSeq);
        return numbers;
    }

    /** Signs the head if entries were added since the last checkpoint; the timed half of "every N entries or M minutes". */
    public boolean checkpoint(WorkspaceId workspace) {
        LedgerStore.Head head = store.lockHead(workspace);
        if (head.seq() == head.signedSeq() || !extendsWitness(workspace, head.seq(), head.hash())) {
            return false;
        }
        sign(workspace, head.seq(), head.hash());
        store.markSigned(workspace, head.seq());
        return true;
    }

    /** The head and the newest checkpoint; an empty ledger is at entry 0 with the genesis hash. */
    public LedgerStatus status(WorkspaceId workspace) {
        return store.status(workspace);
    }

    /** Workspaces whose head moved since it was last signed. */
    public List<WorkspaceId> unsigned() {
        return store.unsigned();
    }

    /** Every workspace that has a ledger. */
    public List<UUID> workspaces() {
        return store.workspaces();
    }

    private void sign(WorkspaceId workspace, long seq, String headHash) {
        LedgerKeys.SigningKey key = keys.signingKey(workspace);
        String signedAt = clock.instant().truncatedTo(ChronoUnit.MILLIS).toString();
        String signature = key.sign(LedgerFormat.checkpointMessage(workspace.toString(), seq, headHash, signedAt));
        store.insertCheckpoint(workspace, seq, headHash, signedAt, key.keyId(), signature);
        witness.recordAfterCommit(new LedgerCheckpoint(workspace.toString(), seq, headHash, signedAt, key.keyId(), signature));
    }

    /**
     * Whether the chain up to the head still extends the newest checkpoint this installation signed (kept
     * outside the database): entry by entry from that checkpoint's hash to the head. Signing anything
     * else would vouch for a ledger someone rewrote or cut in the database, so it is refused and logged.
     */
    private boolean extendsWitness(WorkspaceId workspace, long headSeq, String headHash) {
        var known = witness.read(workspace);
        if (known.isEmpty()) {
            return true;
        }
        LedgerCheckpoint checkpoint = known.get();
        String[] hash = {checkpoint.count() <= headSeq ? checkpoint.hash() : null};
        long[] expected = {checkpoint.count()};
        if (hash[0] != null) {
            store.entries(workspace, checkpoint.count(), headSeq, entry -> {
                long seq = entry.seq();
                if (hash[0] == null || seq != expected[0]) {
                    hash[0] = null;
                    return;
                }
                expected[0]++;
                if (seq == checkpoint.count()) {
                    hash[0] = entry.entryHash().equals(checkpoint.hash()) ? hash[0] : null;
                    return;
                }
                String computed = LedgerFormat.entryHash(hash[0], LedgerFormat.entryFields(seq,
                        entry.recordedAt(), entry.evidenceId(), entry.kind(), entry.sha256()));
                hash[0] = computed.equals(entry.entryHash()) ? computed : null;
            });
        }
        if (hash[0] != null && hash[0].equals(headHash) && expected[0] == headSeq + 1) {
            return true;
        }
        log.error("Not signing the evidence ledger of workspace {}: its entries up to {} no longer extend the checkpoint at entry {} "
                + "signed {}, which this installation keeps outside the database. The ledger was changed in the database.",
                workspace, headSeq, checkpoint.count(), checkpoint.time());
        return false;
    }

    /** The newest signed checkpoint, to publish (Trust Center, audit packages) and to verify against later. */
    public Optional<LedgerCheckpoint> latestCheckpoint(WorkspaceId workspace) {
        return store.latestCheckpoint(workspace);
    }

    /** The keys auditors pin for this workspace, the current one first. */
    public List<LedgerKey> pinnedKeys(WorkspaceId workspace) {
        return keys.pinned(workspace);
    }

    /** Writes the workspace's ledger in the export format, checkpoints right after the entries they sign. */
    public void export(WorkspaceId workspace, Writer out) throws IOException {
        exports.write(workspace, out, 1, Long.MAX_VALUE);
    }

    /** Writes entries {@code from} to {@code to} (inclusive) and the checkpoints among them, as {@link LedgerExport#write}. */
    public void export(WorkspaceId workspace, Writer out, long from, long to) throws IOException {
        exports.write(workspace, out, from, to);
    }

    /** Verifies the ledger the way the offline command does, as {@link LedgerExport#verify}. */
    public LedgerVerification verify(WorkspaceId workspace, Path scratch, List<LedgerCheckpoint> earlier) {
        return exports.verify(workspace, scratch, earlier);
    }

    /** The first entry recorded at or after the instant, or empty when none is. */
    public Optional<Long> firstSeqFrom(WorkspaceId workspace, Instant from) {
        return store.firstSeqFrom(workspace, from);
    }

    /** The content hash and evidence id of every entry, for checking that the files are still there. */
    public void forEachEntry(WorkspaceId workspace, BiConsumer<Long, String> action) {
        store.forEachEntry(workspace, action);
    }
}
