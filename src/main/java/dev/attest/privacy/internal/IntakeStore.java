package dev.attest.privacy.internal;

import dev.attest.identity.WorkspaceId;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import static dev.attest.web.Columns.instant;
import static dev.attest.web.Columns.utc;

/**
 * The public form's tables: privacy_intake (submissions held, sealed, until their link is opened)
 * and privacy_workspace (each workspace's slug, so the form finds its workspace without identity's tables).
 */
@Repository
@RequiredArgsConstructor
class IntakeStore {

    /** A held submission; {@code sealed} is the AES-GCM ciphertext of the form as typed. */
    record IntakeRow(UUID id, UUID workspaceId, String sealed, Instant submittedAt) {
    }

    private final JdbcClient jdbc;

    void hold(UUID id, WorkspaceId workspace, String addressHash, String tokenHash, String sealed, Instant submittedAt, Instant expiresAt) {
        jdbc.sql("insert into privacy_intake (id, workspace_id, address_hash, token_hash, sealed, submitted_at, expires_at) "
                        + "values (?, ?, ?, ?, ?, ?, ?)")
                .params(id, workspace.value(), addressHash, tokenHash, sealed, utc(submittedAt), utc(expiresAt)).update();
    }

    /** The unused submission a token's hash belongs to, while its link is valid at {@code now}. */
    Optional<IntakeRow> pending(String tokenHash, Instant now) {
        return jdbc.sql("select id, workspace_id, sealed, submitted_at from privacy_intake "
                        + "where token_hash = ? and confirmed_at is null and expires_at > ?")
                .params(tokenHash, utc(now))
                .query((rs, n) -> new IntakeRow(rs.getObject("id", UUID.class), rs.getObject("workspace_id", UUID.class),
                        rs.getString("sealed"), instant(rs, "submitted_at")))
                .optional();
    }

    /** Marks the submission confirmed and drops its personal data; false when another confirmation came first. */
    boolean claim(UUID id, Instant now) {
        return jdbc.sql("update privacy_intake set confirmed_at = ?, sealed = null where id = ? and confirmed_at is null")
                .params(utc(now), id).update() > 0;
    }

    void linkRequest(UUID id, UUID requestId) {
        jdbc.sql("update privacy_intake set request_id = ? where id = ?").params(requestId, id).update();
    }

    int forgetExpiredBefore(Instant cutoff) {
        return jdbc.sql("delete from privacy_intake where expires_at < ?").param(utc(cutoff)).update();
    }

    void rememberWorkspace(WorkspaceId workspace, String slug) {
        jdbc.sql("delete from privacy_workspace where slug = ?").param(slug).update();
        jdbc.sql("insert into privacy_workspace (workspace_id, slug) values (?, ?)").params(workspace.value(), slug).update();
    }

    Optional<WorkspaceId> workspace(String slug) {
        return jdbc.sql("select workspace_id from privacy_workspace where slug = ?").param(slug)
                .query(UUID.class).optional().map(WorkspaceId::new);
    }
}
