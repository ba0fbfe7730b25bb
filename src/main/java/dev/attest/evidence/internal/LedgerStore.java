package dev.attest.evidence.internal;

import dev.attest.evidence.LedgerCheckpoint;
import dev.attest.evidence.LedgerStatus;
import dev.attest.identity.WorkspaceId;
import dev.attest.web.MultiRowInsert;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiConsumer;

import static dev.attest.web.Columns.utc;

/** The ledger tables: ledger_head (one row a workspace), ledger_entry (the chain) and ledger_checkpoint (the signatures). */
@Repository
class LedgerStore {

    private static final MultiRowInsert ENTRIES = new MultiRowInsert("ledger_entry",
            "workspace_id", "seq", "recorded_at", "evidence_id", "kind", "sha256", "entry_hash");
    private static final String HEAD = "select seq, head_hash, signed_seq from ledger_head where workspace_id = ?";
    private static final String ENTRIES_BETWEEN = "select seq, recorded_at, evidence_id, kind, sha256, entry_hash from ledger_entry "
            + "where workspace_id = ? and seq >= ? and seq <= ? order by seq";

    /** The head of a workspace's chain: its last entry, that entry's hash and the last entry a checkpoint signs. */
    record Head(long seq, String hash, long signedSeq) {
    }

    /** A stored entry as its row holds it. */
    record StoredEntry(long seq, String recordedAt, String evidenceId, String kind, String sha256, String entryHash) {
    }

    /** Called for each entry read; may throw what the caller's writer throws. */
    interface EntryReader {
        void read(StoredEntry entry);
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final TransactionTemplate savepoint;

    LedgerStore(JdbcClient jdbc, JdbcTemplate template, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.template = template;
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    /** Locks the workspace's head row for the rest of the transaction, creating it (at the genesis hash) for the first entry. */
    Head lockHead(WorkspaceId workspace) {
        Optional<Head> head = jdbc.sql(HEAD + " for update").param(workspace.value()).query((rs, n) -> head(rs)).optional();
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
        return jdbc.sql(HEAD + " for update").param(workspace.value()).query((rs, n) -> head(rs)).single();
    }

    /** The head without locking it; an empty ledger is at entry 0 with the genesis hash. */
    Head head(WorkspaceId workspace) {
        return jdbc.sql(HEAD).param(workspace.value()).query((rs, n) -> head(rs)).optional().orElse(new Head(0, LedgerFormat.GENESIS, 0));
    }

    private static Head head(ResultSet rs) throws SQLException {
        return new Head(rs.getLong(1), rs.getString(2), rs.getLong(3));
    }

    /** Inserts entry rows ({workspace, seq, recorded_at, evidence_id, kind, sha256, entry_hash}) in multi-row inserts. */
    void insertEntries(List<Object[]> rows) {
        ENTRIES.insert(template, rows);
    }

    void moveHead(WorkspaceId workspace, long seq, String hash, long signedSeq) {
        jdbc.sql("update ledger_head set seq = ?, head_hash = ?, signed_seq = ? where workspace_id = ?")
                .params(seq, hash, signedSeq, workspace.value()).update();
    }

    void markSigned(WorkspaceId workspace, long seq) {
        jdbc.sql("update ledger_head set signed_seq = ? where workspace_id = ?").params(seq, workspace.value()).update();
    }

    void insertCheckpoint(WorkspaceId workspace, long seq, String headHash, String signedAt, String keyId, String signature) {
        jdbc.sql("insert into ledger_checkpoint (workspace_id, seq, head_hash, signed_at, key_id, signature) values (?, ?, ?, ?, ?, ?)")
                .params(workspace.value(), seq, headHash, signedAt, keyId, signature).update();
    }

    /** The head and the newest checkpoint. */
    LedgerStatus status(WorkspaceId workspace) {
        Head head = head(workspace);
        return jdbc.sql("select seq, signed_at, key_id from ledger_checkpoint where workspace_id = ? order by seq desc limit 1")
                .param(workspace.value())
                .query((rs, n) -> new LedgerStatus(head.seq(), head.hash(), rs.getLong(1), rs.getString(2), rs.getString(3)))
                .optional()
                .orElse(new LedgerStatus(head.seq(), head.hash(), null, null, null));
    }

    /** Workspaces whose head moved since it was last signed. */
    List<WorkspaceId> unsigned() {
        return jdbc.sql("select workspace_id from ledger_head where seq > signed_seq").query(UUID.class).list()
                .stream().map(WorkspaceId::new).toList();
    }

    /** Every workspace that has a ledger. */
    List<UUID> workspaces() {
        return jdbc.sql("select workspace_id from ledger_head order by workspace_id").query(UUID.class).list();
    }

    Optional<LedgerCheckpoint> latestCheckpoint(WorkspaceId workspace) {
        return jdbc.sql("select seq, head_hash, signed_at, key_id, signature from ledger_checkpoint where workspace_id = ? "
                        + "order by seq desc limit 1")
                .param(workspace.value())
                .query((rs, n) -> new LedgerCheckpoint(workspace.toString(), rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5)))
                .optional();
    }

    /** The checkpoints signing entries {@code from} to {@code to}, in order, as their columns: seq, head hash, time, key id, signature. */
    List<String[]> checkpoints(WorkspaceId workspace, long from, long to) {
        return jdbc.sql("select seq, head_hash, signed_at, key_id, signature from ledger_checkpoint "
                        + "where workspace_id = ? and seq >= ? and seq <= ? order by seq")
                .params(workspace.value(), from, to)
                .query((rs, n) -> new String[]{rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)})
                .list();
    }

    /** Reads entries {@code from} to {@code to} in order, streaming. */
    void entries(WorkspaceId workspace, long from, long to, EntryReader reader) {
        jdbc.sql(ENTRIES_BETWEEN).params(workspace.value(), from, to).withFetchSize(10_000)
                .query((ResultSet rs) -> {
                    reader.read(new StoredEntry(rs.getLong(1), rs.getString(2), rs.getObject(3, UUID.class).toString(), rs.getString(4),
                            rs.getString(5), rs.getString(6)));
                });
    }

    /** The stored hash of one entry. */
    Optional<String> entryHash(WorkspaceId workspace, long seq) {
        return jdbc.sql("select entry_hash from ledger_entry where workspace_id = ? and seq = ?").params(workspace.value(), seq)
                .query(String.class).optional();
    }

    /** The first entry recorded at or after the instant, or empty when none is. */
    Optional<Long> firstSeqFrom(WorkspaceId workspace, Instant from) {
        // recorded_at is ISO-8601 text in UTC; without its zone letter the instant is a prefix of every time at or after it
        String text = from.toString();
        return jdbc.sql("select min(seq) from ledger_entry where workspace_id = ? and recorded_at >= ?")
                .params(workspace.value(), text.substring(0, text.length() - 1)).query(Long.class).list().stream()
                .filter(Objects::nonNull).findFirst();
    }

    /**
     * For each head that moved since its last checkpoint, when its first unsigned entry was recorded (ISO-8601 text in UTC; null
     * when that entry is gone).
     */
    List<String> firstUnsignedEntries() {
        return jdbc.sql("select (select min(e.recorded_at) from ledger_entry e where e.workspace_id = h.workspace_id and e.seq > h.signed_seq) "
                        + "from ledger_head h where h.seq > h.signed_seq")
                .query(String.class).list();
    }

    /** Lists a checkpoint key's public half (X.509, base64) for exports; a key listed before stays as it is. */
    void listKey(WorkspaceId workspace, String keyId, String publicKey, Instant at) {
        jdbc.sql("insert into ledger_key (workspace_id, key_id, public_key, created_at) values (?, ?, ?, ?) on conflict do nothing")
                .params(workspace.value(), keyId, publicKey, utc(at)).update();
    }

    /** Every listed key's id and public half, oldest first. */
    void forEachListedKey(WorkspaceId workspace, BiConsumer<String, String> action) {
        jdbc.sql("select key_id, public_key from ledger_key where workspace_id = ? order by created_at, key_id")
                .param(workspace.value())
                .query((ResultSet rs) -> {
                    action.accept(rs.getString("key_id"), rs.getString("public_key"));
                });
    }

    /** The sequence number and content hash of every entry, in order. */
    void forEachEntry(WorkspaceId workspace, BiConsumer<Long, String> action) {
        jdbc.sql("select seq, sha256 from ledger_entry where workspace_id = ? order by seq")
                .param(workspace.value())
                .query((ResultSet rs) -> {
                    action.accept(rs.getLong(1), rs.getString(2));
                });
    }
}
