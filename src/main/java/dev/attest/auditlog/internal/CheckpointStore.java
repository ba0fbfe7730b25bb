package dev.attest.auditlog.internal;

import dev.attest.auditlog.AuditCheckpoint;
import dev.attest.auditlog.AuditEntry;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/** The signed checkpoints of each chain and how far each head is signed, in plain SQL. */
@Repository
@RequiredArgsConstructor
class CheckpointStore {

    private final JdbcClient jdbc;

    /** A chain's head as signing sees it. */
    record Head(long seq, String hash, long signedSeq) {

        boolean moved() {
            return seq != signedSeq;
        }
    }

    /** The head, its row locked until the caller's transaction ends. */
    Optional<Head> lockHead(UUID chain) {
        return jdbc.sql("select last_seq, last_hash, signed_seq from audit_chain_head where workspace_id = ? for update").param(chain)
                .query((rs, n) -> new Head(rs.getLong("last_seq"), rs.getString("last_hash"), rs.getLong("signed_seq"))).optional();
    }

    /** The chains with entries after their newest checkpoint. */
    List<UUID> movedChains() {
        return jdbc.sql("select workspace_id from audit_chain_head where last_seq > signed_seq").query(UUID.class).list();
    }

    /** Stores a checkpoint and marks the head signed up to it. */
    void insert(UUID chain, long seq, String hash, String signedAt, String keyId, String signature) {
        jdbc.sql("insert into audit_checkpoint (workspace_id, seq, hash, signed_at, key_id, signature) values (?, ?, ?, ?, ?, ?)")
                .params(chain, seq, hash, signedAt, keyId, signature).update();
        jdbc.sql("update audit_chain_head set signed_seq = ? where workspace_id = ?").params(seq, chain).update();
    }

    /** Oldest first. */
    List<AuditCheckpoint> checkpoints(UUID chain) {
        return jdbc.sql("select seq, hash, signed_at, key_id, signature from audit_checkpoint where workspace_id = ? order by seq")
                .param(chain)
                .query((rs, n) -> new AuditCheckpoint(chain.toString(), rs.getLong("seq"), rs.getString("hash"), rs.getString("signed_at"),
                        rs.getString("key_id"), rs.getString("signature")))
                .list();
    }

    /** The chain's entries from {@code from} to {@code to} (both included), in order, one at a time. */
    void entries(UUID chain, long from, long to, Consumer<AuditEntry> consumer) {
        jdbc.sql(AuditStore.COLUMNS + " where workspace_id = ? and seq >= ? and seq <= ? order by seq")
                .params(chain, from, to)
                .query(rs -> {
                    consumer.accept(AuditStore.entry(rs, 0));
                });
    }
}
