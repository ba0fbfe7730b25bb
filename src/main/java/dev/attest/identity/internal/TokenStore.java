package dev.attest.identity.internal;

import dev.attest.identity.CurrentUser;
import dev.attest.identity.Permission;
import dev.attest.identity.Role;
import dev.attest.identity.WorkspaceId;
import dev.attest.web.Columns;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** API tokens in plain SQL: issued, looked up by hash on every request, listed, handed over, revoked. */
@Repository
@RequiredArgsConstructor
class TokenStore {

    private static final String VIEW = """
            select t.id, t.name, t.kind, t.scope, t.role, u.email, t.created_at, t.expires_at, t.last_used_at, t.revoked_at, t.user_id
            from api_token t left join app_user u on u.id = t.owner_id where t.workspace_id = ?""";

    private final JdbcClient jdbc;

    /** A token as its page and API show it, with the user it acts as (null for a service token). */
    record Row(ApiTokens.TokenView view, UUID user) {
    }

    List<ApiTokens.TokenView> all(WorkspaceId workspace) {
        return jdbc.sql(VIEW + " order by t.created_at desc").param(workspace.value()).query(TokenStore::view).list();
    }

    List<ApiTokens.TokenView> of(WorkspaceId workspace, UUID user) {
        return jdbc.sql(VIEW + " and t.user_id = ? order by t.created_at desc").params(workspace.value(), user)
                .query(TokenStore::view).list();
    }

    Optional<Row> row(WorkspaceId workspace, UUID id) {
        return jdbc.sql(VIEW + " and t.id = ?").params(workspace.value(), id)
                .query((rs, n) -> new Row(view(rs, n), rs.getObject("user_id", UUID.class))).optional();
    }

    /** @param user null for a service token, which acts as no user */
    void insert(UUID id, WorkspaceId workspace, UUID user, String name, String hash, String scope, Instant now, Instant expires,
                String kind, Role role, String createdBy, UUID owner) {
        jdbc.sql("""
                        insert into api_token (id, workspace_id, user_id, name, token_hash, scope, created_at, expires_at, kind, role, created_by,
                                               owner_id)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, workspace.value(), user, name, hash, scope, Columns.utc(now), Columns.utc(expires), kind,
                        role == null ? null : role.wireName(), createdBy, owner)
                .update();
    }

    Optional<UUID> owner(UUID tokenId) {
        return jdbc.sql("select owner_id from api_token where id = ?").param(tokenId).query(UUID.class).optional();
    }

    void setOwner(WorkspaceId workspace, UUID id, UUID owner) {
        jdbc.sql("update api_token set owner_id = ? where id = ? and workspace_id = ?").params(owner, id, workspace.value()).update();
    }

    void revoke(WorkspaceId workspace, UUID id, Instant now) {
        jdbc.sql("update api_token set revoked_at = ? where id = ? and workspace_id = ?").params(Columns.utc(now), id, workspace.value())
                .update();
    }

    /** A personal token of the user, without expiry until {@link #expire} sets one (the first start's token, tests). */
    void insertPersonal(UUID id, UUID workspace, UUID user, String name, String hash, String scope, Instant now) {
        jdbc.sql("insert into api_token (id, workspace_id, user_id, owner_id, name, token_hash, scope, created_at) values (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(id, workspace, user, user, name, hash, scope, Columns.utc(now)).update();
    }

    void expire(UUID id, Instant expires) {
        jdbc.sql("update api_token set expires_at = ? where id = ?").params(Columns.utc(expires), id).update();
    }

    /** The actor behind a live token, with the token's scope applied to the member's (or service token's) role. */
    Optional<CurrentUser> actor(String hash, Instant now) {
        return jdbc.sql("""
                        select t.id as token_id, t.kind, t.name as token_name, t.scope, t.expires_at, t.role as token_role,
                               t.workspace_id, w.name as workspace_name, u.id as user_id, u.email, u.display_name, u.enabled,
                               m.role as member_role, m.deactivated_at, m.expires_at as member_expires,
                               o.enabled as owner_enabled, om.role as owner_role, om.deactivated_at as owner_deactivated,
                               om.expires_at as owner_expires
                        from api_token t
                        join workspace w on w.id = t.workspace_id
                        left join app_user u on u.id = t.user_id
                        left join membership m on m.workspace_id = t.workspace_id and m.user_id = t.user_id
                        left join app_user o on o.id = t.owner_id
                        left join membership om on om.workspace_id = t.workspace_id and om.user_id = t.owner_id
                        where t.token_hash = ? and t.revoked_at is null""")
                .param(hash)
                .query((rs, n) -> Optional.ofNullable(tokenRow(rs, now)))
                .optional()
                .flatMap(o -> o);
    }

    private static CurrentUser tokenRow(ResultSet rs, Instant now) throws SQLException {
        if (!live(rs.getObject("expires_at", OffsetDateTime.class), now)) {
            return null;
        }
        boolean service = "service".equals(rs.getString("kind"));
        Role role;
        Set<Permission> ceiling = null;
        if (service) {
            // A service token answers to its owner: refused while the owner is not an active member, narrowed to the owner's role.
            if (rs.getString("owner_role") == null || !rs.getBoolean("owner_enabled")
                    || rs.getObject("owner_deactivated", OffsetDateTime.class) != null
                    || !live(rs.getObject("owner_expires", OffsetDateTime.class), now)) {
                return null;
            }
            role = Role.fromWireName(rs.getString("token_role"));
            ceiling = Role.fromWireName(rs.getString("owner_role")).permissions();
        } else {
            if (rs.getString("member_role") == null || !rs.getBoolean("enabled") || rs.getObject("deactivated_at", OffsetDateTime.class) != null
                    || !live(rs.getObject("member_expires", OffsetDateTime.class), now)) {
                return null;
            }
            role = Role.fromWireName(rs.getString("member_role"));
        }
        Set<Permission> permissions = EnumSet.noneOf(Permission.class);
        boolean readOnly = "read".equals(rs.getString("scope"));
        for (Permission p : role.permissions()) {
            if ((!readOnly || !p.write()) && (ceiling == null || ceiling.contains(p))) {
                permissions.add(p);
            }
        }
        UUID tokenId = rs.getObject("token_id", UUID.class);
        String workspaceName = rs.getString("workspace_name");
        WorkspaceId workspace = new WorkspaceId(rs.getObject("workspace_id", UUID.class));
        if (service) {
            String name = rs.getString("token_name");
            return new CurrentUser(null, "service:" + name, name, workspace, workspaceName, role, permissions, tokenId);
        }
        return new CurrentUser(rs.getObject("user_id", UUID.class), rs.getString("email"), rs.getString("display_name"),
                workspace, workspaceName, role, permissions, tokenId);
    }

    private static boolean live(OffsetDateTime expires, Instant now) {
        return expires == null || expires.toInstant().isAfter(now);
    }

    /** Records use without a write per request: at most once a minute per token. */
    void touch(UUID tokenId, Instant now) {
        jdbc.sql("update api_token set last_used_at = ? where id = ? and (last_used_at is null or last_used_at < ?)")
                .params(Columns.utc(now), tokenId, Columns.utc(now.minusSeconds(60))).update();
    }

    int revokeAllOf(UUID workspace, UUID user, Instant now) {
        return jdbc.sql("update api_token set revoked_at = ? where workspace_id = ? and user_id = ? and revoked_at is null")
                .params(Columns.utc(now), workspace, user).update();
    }

    private static ApiTokens.TokenView view(ResultSet rs, int n) throws SQLException {
        return new ApiTokens.TokenView(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("kind"), rs.getString("scope"),
                rs.getString("role"), rs.getString("email"), Columns.instant(rs, "created_at"), Columns.instant(rs, "expires_at"),
                Columns.instant(rs, "last_used_at"), Columns.instant(rs, "revoked_at"));
    }
}
