package dev.attest.evidence.internal;

import dev.attest.evidence.LedgerCheckpoint;
import dev.attest.evidence.LedgerKey;
import dev.attest.evidence.LedgerStatus;
import dev.attest.evidence.LedgerVerification;
import dev.attest.web.MultiRowInsert;
import dev.attest.identity.WorkspaceId;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The workspace's hash chain. Appending locks the workspace's head row, so entries get gap-free
 * numbers even with several nodes; it runs inside the caller's transaction, so an entry exists
 * exactly when its evidence row does.
 */
@Component
public class Ledger {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(Ledger.class);

    /** An entry to append. */
    public record Entry(UUID evidenceId, String kind, String sha256) {
    }

    private static final MultiRowInsert ENTRIES = new MultiRowInsert("ledger_entry",
            "workspace_id", "seq", "recorded_at", "evidence_id", "kind", "sha256", "entry_hash");

    private final JdbcClient jdbc;
    private final LedgerKeys keys;
    private final Clock clock;
    private final EvidenceProperties properties;
    private final org.springframework.jdbc.core.JdbcTemplate template;
    private final LedgerWitness witness;

    private final org.springframework.transaction.support.TransactionTemplate savepoint;

    Ledger(JdbcClient jdbc, org.springframework.jdbc.core.JdbcTemplate template, LedgerKeys keys, Clock clock,
           EvidenceProperties properties, LedgerWitness witness, org.springframework.transaction.PlatformTransactionManager transactions) {
        this.savepoint = new org.springframework.transaction.support.TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(org.springframework.transaction.TransactionDefinition.PROPAGATION_NESTED);
        this.jdbc = jdbc;
        this.witness = witness;
        this.template = template;
        this.keys = keys;
        this.clock = clock;
        this.properties = properties;
    }

    private record Head(long seq, String hash, long signedSeq) {
    }

    private Head lockHead(WorkspaceId workspace) {
        var head = jdbc.sql("select seq, head_hash, signed_seq from ledger_head where workspace_id = ? for update")
                .param(workspace.value())
                .query((rs, n) -> new Head(rs.getLong(1), rs.getString(2), rs.getLong(3))).optional();
        if (head.isPresent()) {
            return head.get();
        }
        try {
            // behind a savepoint: on PostgreSQL a failed insert would otherwise abort the caller's transaction
            savepoint.executeWithoutResult(status -> jdbc.sql("insert into ledger_head (workspace_id, seq, head_hash, signed_seq) values (?, 0, ?, 0)")
                    .params(workspace.value(), LedgerFormat.GENESIS).update());
        } catch (DuplicateKeyException raced) {
            // another transaction created it first; lock theirs
        }
        return jdbc.sql("select seq, head_hash, signed_seq from ledger_head where workspace_id = ? for update")
                .param(workspace.value())
                .query((rs, n) -> new Head(rs.getLong(1), rs.getString(2), rs.getLong(3))).single();
    }

    /** Appends entries in order (multi-row inserts of up to 500 entries) and returns the sequence number of each. */
    public List<Long> append(WorkspaceId workspace, List<Entry> entries) {
        Head head = lockHead(workspace);
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
        ENTRIES.insert(template, rows);
        long signedSeq = head.signedSeq();
        if (seq - signedSeq >= properties.getCheckpointEvery() && extendsWitness(workspace, seq, previous)) {
            sign(workspace, seq, previous);
            signedSeq = seq;
        }
        jdbc.sql("update ledger_head set seq = ?, head_hash = ?, signed_seq = ? where workspace_id = ?")
                .params(seq, previous, signedSeq, workspace.value()).update();
        return numbers;
    }

    /** Signs the head if entries were added since the last checkpoint; the timed half of "every N entries or M minutes". */
    public boolean checkpoint(WorkspaceId workspace) {
        Head head = lockHead(workspace);
        if (head.seq() == head.signedSeq() || !extendsWitness(workspace, head.seq(), head.hash())) {
            return false;
        }
        sign(workspace, head.seq(), head.hash());
        jdbc.sql("update ledger_head set signed_seq = ? where workspace_id = ?").params(head.seq(), workspace.value()).update();
        return true;
    }

    /** The head and the newest checkpoint; an empty ledger is at entry 0 with the genesis hash. */
    public LedgerStatus status(WorkspaceId workspace) {
        Head head = jdbc.sql("select seq, head_hash, signed_seq from ledger_head where workspace_id = ?")
                .param(workspace.value())
                .query((rs, n) -> new Head(rs.getLong(1), rs.getString(2), rs.getLong(3))).optional()
                .orElse(new Head(0, LedgerFormat.GENESIS, 0));
        return jdbc.sql("select seq, signed_at, key_id from ledger_checkpoint where workspace_id = ? order by seq desc limit 1")
                .param(workspace.value())
                .query((rs, n) -> new LedgerStatus(head.seq(), head.hash(), rs.getLong(1), rs.getString(2), rs.getString(3)))
                .optional()
                .orElse(new LedgerStatus(head.seq(), head.hash(), null, null, null));
    }

    /** Workspaces whose head moved since it was last signed. */
    public List<WorkspaceId> unsigned() {
        return jdbc.sql("select workspace_id from ledger_head where seq > signed_seq").query(UUID.class).list()
                .stream().map(WorkspaceId::new).toList();
    }

    private void sign(WorkspaceId workspace, long seq, String headHash) {
        LedgerKeys.SigningKey key = keys.signingKey(workspace);
        String signedAt = clock.instant().truncatedTo(ChronoUnit.MILLIS).toString();
        String signature = key.sign(LedgerFormat.checkpointMessage(workspace.toString(), seq, headHash, signedAt));
        jdbc.sql("insert into ledger_checkpoint (workspace_id, seq, head_hash, signed_at, key_id, signature) values (?, ?, ?, ?, ?, ?)")
                .params(workspace.value(), seq, headHash, signedAt, key.keyId(), signature).update();
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
            jdbc.sql("select seq, recorded_at, evidence_id, kind, sha256, entry_hash from ledger_entry where workspace_id = ? and seq >= ? "
                            + "and seq <= ? order by seq")
                    .params(workspace.value(), checkpoint.count(), headSeq)
                    .query((ResultSet rs) -> {
                        long seq = rs.getLong(1);
                        if (hash[0] == null || seq != expected[0]) {
                            hash[0] = null;
                            return;
                        }
                        expected[0]++;
                        if (seq == checkpoint.count()) {
                            hash[0] = rs.getString(6).equals(checkpoint.hash()) ? hash[0] : null;
                            return;
                        }
                        String computed = LedgerFormat.entryHash(hash[0], LedgerFormat.entryFields(seq,
                                rs.getString(2), rs.getObject(3, UUID.class).toString(), rs.getString(4), rs.getString(5)));
                        hash[0] = computed.equals(rs.getString(6)) ? computed : null;
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
    public java.util.Optional<LedgerCheckpoint> latestCheckpoint(WorkspaceId workspace) {
        return jdbc.sql("select seq, head_hash, signed_at, key_id, signature from ledger_checkpoint where workspace_id = ? "
                        + "order by seq desc limit 1")
                .param(workspace.value())
                .query((rs, n) -> new LedgerCheckpoint(workspace.toString(), rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5)))
                .optional();
    }

    /** The keys auditors pin for this workspace, the current one first. */
    public List<LedgerKey> pinnedKeys(WorkspaceId workspace) {
        return keys.pinned(workspace);
    }

    /** Writes the workspace's ledger in the export format, checkpoints right after the entries they sign. */
    public void export(WorkspaceId workspace, Writer out) throws IOException {
        export(workspace, out, 1, Long.MAX_VALUE);
    }

    /**
     * Writes entries {@code from} to {@code to} (inclusive) and the checkpoints among them; a segment that does not
     * start at the first entry names the hash of the entry before it, to which its first entry is chained.
     */
    public void export(WorkspaceId workspace, Writer out, long from, long to) throws IOException {
        BufferedWriter w = out instanceof BufferedWriter b ? b : new BufferedWriter(out, 1 << 16);
        w.write(LedgerFormat.HEADER);
        w.write('\n');
        w.write("workspace\t" + workspace + "\n");
        w.write("exported-at\t" + clock.instant().truncatedTo(ChronoUnit.MILLIS) + "\t" + maxUnsigned() + "\n");
        for (var key : keys.publicKeys(workspace).entrySet()) {
            w.write("public-key\t" + key.getKey() + "\t" + key.getValue() + "\n");
        }
        if (from > 1) {
            String before = jdbc.sql("select entry_hash from ledger_entry where workspace_id = ? and seq = ?").params(workspace.value(), from - 1)
                    .query(String.class).optional().orElseThrow(() -> new IllegalStateException("no ledger entry " + (from - 1)));
            w.write("segment\t" + from + "\t" + before + "\n");
        }
        List<String[]> checkpoints = jdbc.sql("select seq, head_hash, signed_at, key_id, signature from ledger_checkpoint "
                        + "where workspace_id = ? and seq >= ? and seq <= ? order by seq")
                .params(workspace.value(), from, to)
                .query((rs, n) -> new String[]{rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)})
                .list();
        int[] next = {0};
        jdbc.sql("select seq, recorded_at, evidence_id, kind, sha256, entry_hash from ledger_entry where workspace_id = ? and seq >= ? "
                        + "and seq <= ? order by seq")
                .params(workspace.value(), from, to)
                .withFetchSize(10_000)
                .query((ResultSet rs) -> {
                    long seq = rs.getLong(1);
                    try {
                        w.write("E\t");
                        w.write(LedgerFormat.entryFields(seq, rs.getString(2), rs.getObject(3, UUID.class).toString(), rs.getString(4),
                                rs.getString(5)));
                        w.write('\t');
                        w.write(rs.getString(6));
                        w.write('\n');
                        while (next[0] < checkpoints.size() && Long.parseLong(checkpoints.get(next[0])[0]) == seq) {
                            w.write("C\t" + String.join("\t", checkpoints.get(next[0])) + "\n");
                            next[0]++;
                        }
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
        w.flush();
    }

    /**
     * How long entries may wait at the head for a checkpoint: one checkpoint interval, plus a minute for the
     * scheduled signing to come round.
     */
    private Duration maxUnsigned() {
        return properties.getCheckpointInterval().plusMinutes(1);
    }

    /**
     * Exports the ledger to a temporary file and verifies it the way the offline command does, trusting
     * nothing the database says about itself: only the pinned keys count, the ledger must extend the
     * checkpoint kept outside the database and every earlier checkpoint given, and the head must be signed
     * or younger than the checkpoint interval.
     */
    public LedgerVerification verify(WorkspaceId workspace, Path scratch, List<LedgerCheckpoint> earlier) {
        List<VerificationPolicy.Anchor> anchors = new ArrayList<>();
        witness.read(workspace).ifPresent(known -> anchors.add(new VerificationPolicy.Anchor(known,
                "the checkpoint this installation keeps outside the database")));
        for (LedgerCheckpoint given : earlier) {
            anchors.add(new VerificationPolicy.Anchor(given, "the earlier checkpoint given"));
        }
        Map<String, PublicKey> pinned = keys.pinnedByKeyId(workspace);
        Set<String> fingerprints = new HashSet<>();
        pinned.values().forEach(key -> fingerprints.add(LedgerFormat.fingerprint(key)));
        return verify(workspace, scratch, new VerificationPolicy(fingerprints, pinned, anchors, clock.instant(), maxUnsigned()));
    }

    private LedgerVerification verify(WorkspaceId workspace, Path scratch, VerificationPolicy policy) {
        try {
            Path file = Files.createTempFile(scratch, "ledger-", ".txt");
            try {
                try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                    export(workspace, out);
                }
                try (InputStream in = Files.newInputStream(file)) {
                    return LedgerFormat.verify(in, policy);
                }
            } finally {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The first entry recorded at or after the instant, or empty when none is. */
    public java.util.Optional<Long> firstSeqFrom(WorkspaceId workspace, java.time.Instant from) {
        // recorded_at is ISO-8601 text in UTC; without its zone letter the instant is a prefix of every time at or after it
        String text = from.toString();
        return jdbc.sql("select min(seq) from ledger_entry where workspace_id = ? and recorded_at >= ?")
                .params(workspace.value(), text.substring(0, text.length() - 1)).query(Long.class).list().stream()
                .filter(java.util.Objects::nonNull).findFirst();
    }

    /** The content hash and evidence id of every entry, for checking that the files are still there. */
    public void forEachEntry(WorkspaceId workspace, java.util.function.BiConsumer<Long, String> action) {
        jdbc.sql("select seq, sha256 from ledger_entry where workspace_id = ? order by seq")
                .param(workspace.value())
                .query((ResultSet rs) -> {
                    action.accept(rs.getLong(1), rs.getString(2));
                });
    }
}
