package dev.attest.auditlog.internal;

import dev.attest.auditlog.AuditCheckpoint;
import dev.attest.auditlog.AuditEntry;
import dev.attest.auditlog.AuditFilter;
import dev.attest.auditlog.AuditTrail;
import dev.attest.auditlog.ChainVerification;
import dev.attest.identity.WorkspaceId;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/** The audit trail in plain SQL: inserts only, plus the chain head that orders them. */
@Repository
@RequiredArgsConstructor
class AuditStore implements AuditTrail {

    /** The chain of entries that belong to no workspace. */
    static final UUID NO_WORKSPACE = new UUID(0, 0);

    private final JdbcClient jdbc;
    private final AuditCheckpoints checkpoints;
    private final java.time.Clock clock;

    /**
     * Appends one entry to a chain, in the caller's transaction when there is one: the entry
     * commits with the change it records, or neither does.
     */
    @Transactional
    AuditEntry append(UUID chain, Instant at, String actor, String action, String target, String summary, String address,
                      String userAgent) {
        // The database keeps microseconds; hash exactly what is stored.
        Instant occurredAt = at.truncatedTo(ChronoUnit.MICROS);
        actor = clip(actor == null ? "unknown" : actor, 320);
        action = clip(action == null ? "unknown" : action, 100);
        target = clip(target == null ? "" : target, 400);
        summary = clip(summary == null ? "" : summary, 2000);
        address = clip(address, 64);
        userAgent = clip(userAgent, 400);
        jdbc.sql("insert into audit_chain_head (workspace_id, last_seq, last_hash) values (?, 0, ?) on conflict do nothing")
                .params(chain, EntryHash.GENESIS).update();
        record Head(long seq, String hash, long signedSeq) {
        }
        Head head = jdbc.sql("select last_seq, last_hash, signed_seq from audit_chain_head where workspace_id = ? for update")
                .param(chain).query((rs, n) -> new Head(rs.getLong(1), rs.getString(2), rs.getLong(3))).single();
        long seq = head.seq() + 1;
        String hash = EntryHash.of(chain, seq, occurredAt, actor, action, target, summary, address, userAgent, head.hash());
        jdbc.sql("""
                        insert into audit_entry (workspace_id, seq, occurred_at, actor, action, target, summary, address, user_agent,
                                                 previous_hash, hash) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(chain, seq, occurredAt.atOffset(ZoneOffset.UTC), actor, action, target, summary, address, userAgent,
                        head.hash(), hash)
                .update();
        jdbc.sql("update audit_chain_head set last_seq = ?, last_hash = ? where workspace_id = ?").params(seq, hash, chain).update();
        if (seq - head.signedSeq() >= AuditCheckpoints.EVERY) {
            checkpoints.sign(chain, seq, hash);
        }
        return new AuditEntry(seq, occurredAt, actor, action, target, summary, address, userAgent, head.hash(), hash);
    }

    private static String clip(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max - 1) + "…";
    }

    private record Where(String sql, List<Object> params) {
    }

    private static Where where(WorkspaceId workspace, AuditFilter filter) {
        StringBuilder sql = new StringBuilder(" where workspace_id = ?");
        List<Object> params = new ArrayList<>();
        params.add(workspace.value());
        if (filter.actor() != null) {
            sql.append(" and lower(actor) = ?");
            params.add(filter.actor().toLowerCase(java.util.Locale.ROOT));
        }
        if (filter.action() != null) {
            sql.append(" and (action = ? or action like ? escape '!')");
            params.add(filter.action());
            params.add(like(filter.action()) + ".%");
        }
        if (filter.target() != null) {
            if (filter.target().endsWith(":")) {
                sql.append(" and target like ? escape '!'");
                params.add(like(filter.target()) + "%");
            } else {
                sql.append(" and target = ?");
                params.add(filter.target());
            }
        }
        if (filter.from() != null) {
            sql.append(" and occurred_at >= ?");
            params.add(filter.from().atOffset(ZoneOffset.UTC));
        }
        if (filter.to() != null) {
            sql.append(" and occurred_at < ?");
            params.add(filter.to().atOffset(ZoneOffset.UTC));
        }
        return new Where(sql.toString(), params);
    }

    private static String like(String value) {
        return value.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }

    static final String COLUMNS = "select seq, occurred_at, actor, action, target, summary, address, user_agent, previous_hash, hash from audit_entry";

    @Override
    @Transactional(readOnly = true)
    public List<AuditEntry> entries(WorkspaceId workspace, AuditFilter filter, int page, int size) {
        Where where = where(workspace, filter);
        List<Object> params = new ArrayList<>(where.params());
        params.add(size);
        params.add((long) page * size);
        return jdbc.sql(COLUMNS + where.sql() + " order by seq desc limit ? offset ?").params(params).query(AuditStore::entry).list();
    }

    @Override
    @Transactional(readOnly = true)
    public long count(WorkspaceId workspace, AuditFilter filter) {
        Where where = where(workspace, filter);
        return jdbc.sql("select count(*) from audit_entry" + where.sql()).params(where.params()).query(Long.class).single();
    }

    @Override
    @Transactional(readOnly = true)
    public void each(WorkspaceId workspace, AuditFilter filter, Consumer<AuditEntry> consumer) {
        Where where = where(workspace, filter);
        jdbc.sql(COLUMNS + where.sql() + " order by seq").params(where.params())
                .query(rs -> {
                    consumer.accept(entry(rs, 0));
                });
    }

    @Override
    @Transactional(readOnly = true)
    public ChainVerification verify(WorkspaceId workspace, List<AuditCheckpoint> earlier) {
        UUID chain = workspace.value();
        List<AuditCheckpoint> stored = checkpoints.stored(chain);
        Optional<AuditCheckpoint> kept = checkpoints.kept(chain);
        long newest = stored.isEmpty() ? 0 : stored.get(stored.size() - 1).count();
        List<AuditChain.Anchor> anchors = new ArrayList<>();
        kept.ifPresent(k -> anchors.add(new AuditChain.Anchor(k, "the checkpoint this installation keeps outside the database")));
        earlier.forEach(e -> anchors.add(new AuditChain.Anchor(e, "the earlier checkpoint given")));
        List<Long> named = new ArrayList<>();
        stored.forEach(c -> named.add(c.count()));
        anchors.forEach(a -> named.add(a.checkpoint().count()));
        AuditChain.Walk walk = new AuditChain.Walk(chain, named, newest);
        jdbc.sql(COLUMNS + " where workspace_id = ? order by seq").param(chain).query(rs -> {
            walk.accept(entry(rs, 0));
        });
        long checked = walk.checked();
        if (walk.broken() == null) {
            var head = jdbc.sql("select last_seq, last_hash from audit_chain_head where workspace_id = ?").param(chain)
                    .query((rs, n) -> new Object[]{rs.getLong(1), rs.getString(2)}).optional();
            long lastSeq = head.map(h -> (Long) h[0]).orElse(0L);
            if (lastSeq != checked || (lastSeq > 0 && !head.get()[1].equals(walk.head()))) {
                walk.breakAt(checked + 1, "entries after " + checked + " are missing (the chain ends at " + lastSeq + ")");
            }
        }
        AuditChain.Problem problem = walk.verdict(checkpoints.publicKey(chain), checkpoints.keyId(chain), checkpoints.fingerprint(chain),
                stored, anchors, clock.instant(), checkpoints.interval());
        return new ChainVerification(problem == null, checked, problem == null ? null : problem.seq(),
                problem == null ? null : problem.message(), walk.head(), stored.size());
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<AuditCheckpoint> latestCheckpoint(WorkspaceId workspace) {
        List<AuditCheckpoint> stored = checkpoints.stored(workspace.value());
        return stored.isEmpty() ? Optional.empty() : Optional.of(stored.get(stored.size() - 1));
    }

    @Override
    public String checkpointKeyFingerprint(WorkspaceId workspace) {
        return checkpoints.fingerprint(workspace.value());
    }

    static AuditEntry entry(ResultSet rs, int n) throws SQLException {
        return new AuditEntry(rs.getLong("seq"), rs.getObject("occurred_at", OffsetDateTime.class).toInstant(), rs.getString("actor"),
                rs.getString("action"), rs.getString("target"), rs.getString("summary"), rs.getString("address"),
                rs.getString("user_agent"), rs.getString("previous_hash"), rs.getString("hash"));
    }
}
