package dev.attest.identity.internal;

import dev.attest.identity.CurrentUser;
import dev.attest.identity.Member;
import dev.attest.identity.Permission;
import dev.attest.identity.Role;
import dev.attest.identity.WorkspaceId;
import dev.attest.identity.WorkspaceMembers;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Workspaces, users, memberships and API tokens, in plain SQL. */
@Repository
class AccountStore implements WorkspaceMembers {

    private final JdbcClient jdbc;

    AccountStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record StoredUser(UUID id, String email, String displayName, String passwordHash, boolean enabled) {
    }

    Optional<UUID> workspaceBySlug(String slug) {
        return jdbc.sql("select id from workspace where slug = ?").param(slug).query(UUID.class).optional();
    }

    void insertWorkspace(UUID id, String slug, String name, Instant now) {
        jdbc.sql("insert into workspace (id, slug, name, created_at) values (?, ?, ?, ?)")
                .params(id, slug, name, utc(now)).update();
    }

    Optional<StoredUser> userByEmail(String email) {
        return jdbc.sql("select id, email, display_name, password_hash, enabled from app_user where email = ?")
                .param(normalize(email))
                .query((rs, n) -> new StoredUser(rs.getObject("id", UUID.class), rs.getString("email"),
                        rs.getString("display_name"), rs.getString("password_hash"), rs.getBoolean("enabled")))
                .optional();
    }

    void insertUser(UUID id, String email, String displayName, String passwordHash, Instant now) {
        jdbc.sql("insert into app_user (id, email, display_name, password_hash, enabled, created_at) values (?, ?, ?, ?, true, ?)")
                .params(id, normalize(email), displayName, passwordHash, utc(now)).update();
    }

    void insertMembership(UUID workspace, UUID user, Role role, Instant now) {
        jdbc.sql("insert into membership (workspace_id, user_id, role, created_at) values (?, ?, ?, ?)")
                .params(workspace, user, role.wireName(), utc(now)).update();
    }

    void insertToken(UUID id, UUID workspace, UUID user, String name, String hash, String scope, Instant now) {
        jdbc.sql("insert into api_token (id, workspace_id, user_id, name, token_hash, scope, created_at) values (?, ?, ?, ?, ?, ?, ?)")
                .params(id, workspace, user, name, hash, scope, utc(now)).update();
    }

    /** The user's first workspace membership, which a session starts in. */
    Optional<CurrentUser> sessionUser(StoredUser user) {
        return jdbc.sql("""
                        select m.workspace_id, w.name, m.role from membership m join workspace w on w.id = m.workspace_id
                        where m.user_id = ? order by m.created_at, w.slug""")
                .param(user.id())
                .query((rs, n) -> {
                    Role role = Role.fromWireName(rs.getString("role"));
                    return new CurrentUser(user.id(), user.email(), user.displayName(),
                            new WorkspaceId(rs.getObject("workspace_id", UUID.class)), rs.getString("name"),
                            role, role.permissions(), null);
                })
                .list().stream().findFirst();
    }

    /** The actor behind a live token, with the token's scope applied to the member's role. */
    Optional<CurrentUser> tokenUser(String hash, Instant now) {
        return jdbc.sql("""
                        select t.id as token_id, t.scope, t.expires_at, t.last_used_at, u.id as user_id, u.email, u.display_name,
                               t.workspace_id, w.name as workspace_name, m.role
                        from api_token t
                        join workspace w on w.id = t.workspace_id
                        join app_user u on u.id = t.user_id
                        join membership m on m.workspace_id = t.workspace_id and m.user_id = t.user_id
                        where t.token_hash = ? and t.revoked_at is null and u.enabled = true""")
                .param(hash)
                .query((rs, n) -> tokenRow(rs, now))
                .optional()
                .flatMap(Optional::ofNullable);
    }

    private static CurrentUser tokenRow(ResultSet rs, Instant now) throws SQLException {
        OffsetDateTime expires = rs.getObject("expires_at", OffsetDateTime.class);
        if (expires != null && !expires.toInstant().isAfter(now)) {
            return null;
        }
        Role role = Role.fromWireName(rs.getString("role"));
        Set<Permission> permissions = EnumSet.noneOf(Permission.class);
        boolean readOnly = "read".equals(rs.getString("scope"));
        for (Permission p : role.permissions()) {
            if (!readOnly || !p.write()) {
                permissions.add(p);
            }
        }
        return new CurrentUser(rs.getObject("user_id", UUID.class), rs.getString("email"), rs.getString("display_name"),
                new WorkspaceId(rs.getObject("workspace_id", UUID.class)), rs.getString("workspace_name"),
                role, permissions, rs.getObject("token_id", UUID.class));
    }

    /** Records use without a write per request: at most once a minute per token. */
    void touchToken(UUID tokenId, Instant now) {
        jdbc.sql("update api_token set last_used_at = ? where id = ? and (last_used_at is null or last_used_at < ?)")
                .params(utc(now), tokenId, utc(now.minusSeconds(60))).update();
    }

    @Override
    public List<Member> members(WorkspaceId workspace) {
        return jdbc.sql("""
                        select u.id, u.email, u.display_name, m.role from membership m join app_user u on u.id = m.user_id
                        where m.workspace_id = ? order by u.display_name, u.email""")
                .param(workspace.value())
                .query((rs, n) -> new Member(rs.getObject("id", UUID.class), rs.getString("email"),
                        rs.getString("display_name"), Role.fromWireName(rs.getString("role"))))
                .list();
    }

    @Override
    public Optional<Member> memberByEmail(WorkspaceId workspace, String email) {
        if (email == null) {
            return Optional.empty();
        }
        String wanted = normalize(email);
        return members(workspace).stream().filter(m -> m.email().equals(wanted)).findFirst();
    }

    static String normalize(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
