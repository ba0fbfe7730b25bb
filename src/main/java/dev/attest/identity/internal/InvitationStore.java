package dev.attest.identity.internal;

import dev.attest.identity.Role;
import dev.attest.identity.WorkspaceId;
import dev.attest.web.Columns;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** Invitations in plain SQL: only the hash of a link's token is kept. */
@Repository
@RequiredArgsConstructor
class InvitationStore {

    private final JdbcClient jdbc;

    /** What a link leads to, before it is checked to be unused and unexpired. */
    record Link(UUID id, UUID workspace, String workspaceName, String email, String role, Instant expires, Instant accepted) {
    }

    void insert(UUID id, WorkspaceId workspace, String email, Role role, String tokenHash, String invitedBy, Instant now, Instant expires) {
        jdbc.sql("""
                        insert into invitation (id, workspace_id, email, role, token_hash, invited_by, created_at, expires_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, workspace.value(), email, role.wireName(), tokenHash, invitedBy, Columns.utc(now), Columns.utc(expires))
                .update();
    }

    /** Newest first. */
    List<Invitations.Pending> pending(WorkspaceId workspace) {
        return jdbc.sql("""
                        select id, email, role, invited_by, created_at, expires_at, accepted_at from invitation
                        where workspace_id = ? order by created_at desc""")
                .param(workspace.value())
                .query((rs, n) -> new Invitations.Pending(rs.getObject("id", UUID.class), rs.getString("email"), rs.getString("role"),
                        rs.getString("invited_by"), Columns.instant(rs, "created_at"), Columns.instant(rs, "expires_at"),
                        Columns.instant(rs, "accepted_at")))
                .list();
    }

    Optional<Link> byTokenHash(String tokenHash) {
        return jdbc.sql("""
                        select i.id, i.workspace_id, w.name, i.email, i.role, i.expires_at, i.accepted_at
                        from invitation i join workspace w on w.id = i.workspace_id where i.token_hash = ?""")
                .param(tokenHash)
                .query((rs, n) -> new Link(rs.getObject("id", UUID.class), rs.getObject("workspace_id", UUID.class), rs.getString("name"),
                        rs.getString("email"), rs.getString("role"), Columns.instant(rs, "expires_at"), Columns.instant(rs, "accepted_at")))
                .optional();
    }

    /** Uses the link up; false when it was already used (two acceptances racing). */
    boolean markAccepted(UUID id, Instant now) {
        return jdbc.sql("update invitation set accepted_at = ? where id = ? and accepted_at is null").params(Columns.utc(now), id).update() == 1;
    }

    /** When the membership the invitation grants ends (an auditor's, with the audit's access), if it does. */
    Optional<Instant> memberExpiresAt(UUID id) {
        return jdbc.sql("select member_expires_at from invitation where id = ?").param(id)
                .query((rs, n) -> Columns.instant(rs, "member_expires_at")).list().stream().filter(Objects::nonNull).findFirst();
    }

    void setMemberExpiresAt(UUID id, Instant at) {
        jdbc.sql("update invitation set member_expires_at = ? where id = ?").params(Columns.utc(at), id).update();
    }
}
