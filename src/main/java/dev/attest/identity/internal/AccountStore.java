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

    record StoredUser(UUID id, String email, String displayName, String passwordHash, boolean enabled, Instant lockedUntil) {
    }

    private static final String USER = "select id, email, display_name, password_hash, enabled, locked_until from app_user";

    private static StoredUser storedUser(ResultSet rs, int n) throws SQLException {
        return new StoredUser(rs.getObject("id", UUID.class), rs.getString("email"), rs.getString("display_name"),
                rs.getString("password_hash"), rs.getBoolean("enabled"),
                instant(rs.getObject("locked_until", OffsetDateTime.class)));
    }

    Optional<UUID> workspaceBySlug(String slug) {
        return jdbc.sql("select id from workspace where slug = ?").param(slug).query(UUID.class).optional();
    }

    void insertWorkspace(UUID id, String slug, String name, Instant now) {
        jdbc.sql("insert into workspace (id, slug, name, created_at) values (?, ?, ?, ?)")
                .params(id, slug, name, utc(now)).update();
    }

    Optional<StoredUser> userByEmail(String email) {
        return jdbc.sql(USER + " where email = ?").param(normalize(email)).query(AccountStore::storedUser).optional();
    }

    Optional<StoredUser> userById(UUID id) {
        return jdbc.sql(USER + " where id = ?").param(id).query(AccountStore::storedUser).optional();
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

    /** The user's first active workspace membership, which a session starts in. */
    Optional<CurrentUser> sessionUser(StoredUser user, Instant now) {
        return workspacesOf(user.id(), now).stream().findFirst()
                .map(w -> current(user, w.id(), w.name(), w.role()));
    }

    /** The user's active membership in one workspace, as a session principal. */
    Optional<CurrentUser> sessionUser(StoredUser user, UUID workspace, Instant now) {
        return workspacesOf(user.id(), now).stream().filter(w -> w.id().equals(workspace)).findFirst()
                .map(w -> current(user, w.id(), w.name(), w.role()));
    }

    private static CurrentUser current(StoredUser user, UUID workspace, String workspaceName, Role role) {
        return new CurrentUser(user.id(), user.email(), user.displayName(), new WorkspaceId(workspace), workspaceName,
                role, role.permissions(), null);
    }

    record WorkspaceChoice(UUID id, String slug, String name, Role role) {
    }

    /** The workspaces a user may act in now (active, unexpired memberships), oldest membership first. */
    List<WorkspaceChoice> workspacesOf(UUID user, Instant now) {
        return jdbc.sql("""
                        select w.id, w.slug, w.name, m.role from membership m join workspace w on w.id = m.workspace_id
                        where m.user_id = ? and m.deactivated_at is null and (m.expires_at is null or m.expires_at > ?)
                        order by m.created_at, w.slug""")
                .params(user, utc(now))
                .query((rs, n) -> new WorkspaceChoice(rs.getObject("id", UUID.class), rs.getString("slug"), rs.getString("name"),
                        Role.fromWireName(rs.getString("role"))))
                .list();
    }

    /** What a session's principal is checked against on every request. */
    record SessionState(boolean enabled, Instant sessionsValidAfter, Role role, boolean active, String workspaceName,
                        boolean requireMfa, boolean mfaEnrolled) {
    }

    Optional<SessionState> sessionState(UUID user, UUID workspace, Instant now) {
        return jdbc.sql("""
                        select u.enabled, u.sessions_valid_after, m.role, m.deactivated_at, m.expires_at, w.name, w.require_mfa,
                               (select count(*) from user_totp t where t.user_id = u.id and t.enabled_at is not null) as mfa
                        from app_user u join membership m on m.user_id = u.id join workspace w on w.id = m.workspace_id
                        where u.id = ? and m.workspace_id = ?""")
                .params(user, workspace)
                .query((rs, n) -> {
                    OffsetDateTime expires = rs.getObject("expires_at", OffsetDateTime.class);
                    boolean active = rs.getObject("deactivated_at", OffsetDateTime.class) == null
                            && (expires == null || expires.toInstant().isAfter(now));
                    return new SessionState(rs.getBoolean("enabled"), instant(rs.getObject("sessions_valid_after", OffsetDateTime.class)),
                            Role.fromWireName(rs.getString("role")), active, rs.getString("name"), rs.getBoolean("require_mfa"),
                            rs.getInt("mfa") > 0);
                })
                .optional();
    }

    void setPassword(UUID user, String hash) {
        jdbc.sql("update app_user set password_hash = ? where id = ?").params(hash, user).update();
    }

    void endSessions(UUID user, Instant now) {
        jdbc.sql("update app_user set sessions_valid_after = ? where id = ?").params(utc(now), user).update();
    }

    /** The actor behind a live token, with the token's scope applied to the member's (or service token's) role. */
    Optional<CurrentUser> tokenUser(String hash, Instant now) {
        return jdbc.sql("""
                        select t.id as token_id, t.kind, t.name as token_name, t.scope, t.expires_at, t.role as token_role,
                               t.workspace_id, w.name as workspace_name, u.id as user_id, u.email, u.display_name, u.enabled,
                               m.role as member_role, m.deactivated_at, m.expires_at as member_expires
                        from api_token t
                        join workspace w on w.id = t.workspace_id
                        left join app_user u on u.id = t.user_id
                        left join membership m on m.workspace_id = t.workspace_id and m.user_id = t.user_id
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
        if (service) {
            role = Role.fromWireName(rs.getString("token_role"));
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
            if (!readOnly || !p.write()) {
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
    void touchToken(UUID tokenId, Instant now) {
        jdbc.sql("update api_token set last_used_at = ? where id = ? and (last_used_at is null or last_used_at < ?)")
                .params(utc(now), tokenId, utc(now.minusSeconds(60))).update();
    }

    // --- members, as an admin sees them

    record MemberRow(UUID userId, String email, String displayName, Role role, boolean active, Instant expiresAt,
                     Instant lockedUntil) {

        public String expiresOn() {
            return expiresAt == null ? "" : expiresAt.toString().substring(0, 10);
        }
    }

    private static final String MEMBER_ROWS = """
            select u.id, u.email, u.display_name, u.locked_until, m.role, m.deactivated_at, m.expires_at
            from membership m join app_user u on u.id = m.user_id where m.workspace_id = ?""";

    List<MemberRow> memberRows(UUID workspace) {
        return jdbc.sql(MEMBER_ROWS + " order by u.display_name, u.email").param(workspace).query(AccountStore::memberRow).list();
    }

    Optional<MemberRow> memberRow(UUID workspace, UUID user) {
        return jdbc.sql(MEMBER_ROWS + " and u.id = ?").params(workspace, user).query(AccountStore::memberRow).optional();
    }

    private static MemberRow memberRow(ResultSet rs, int n) throws SQLException {
        return new MemberRow(rs.getObject("id", UUID.class), rs.getString("email"), rs.getString("display_name"),
                Role.fromWireName(rs.getString("role")), rs.getObject("deactivated_at", OffsetDateTime.class) == null,
                instant(rs.getObject("expires_at", OffsetDateTime.class)), instant(rs.getObject("locked_until", OffsetDateTime.class)));
    }

    int activeAdmins(UUID workspace) {
        return jdbc.sql("select count(*) from membership where workspace_id = ? and role = 'admin' and deactivated_at is null")
                .param(workspace).query(Integer.class).single();
    }

    void updateMembership(UUID workspace, UUID user, Role role, Instant expiresAt) {
        jdbc.sql("update membership set role = ?, expires_at = ? where workspace_id = ? and user_id = ?")
                .params(role.wireName(), expiresAt == null ? null : utc(expiresAt), workspace, user).update();
    }

    void setDeactivated(UUID workspace, UUID user, Instant at) {
        jdbc.sql("update membership set deactivated_at = ? where workspace_id = ? and user_id = ?")
                .params(at == null ? null : utc(at), workspace, user).update();
    }

    int revokeTokensOf(UUID workspace, UUID user, Instant now) {
        return jdbc.sql("update api_token set revoked_at = ? where workspace_id = ? and user_id = ? and revoked_at is null")
                .params(utc(now), workspace, user).update();
    }

    boolean requiresMfa(UUID workspace) {
        return jdbc.sql("select require_mfa from workspace where id = ?").param(workspace).query(Boolean.class).single();
    }

    void setRequireMfa(UUID workspace, boolean required) {
        jdbc.sql("update workspace set require_mfa = ? where id = ?").params(required, workspace).update();
    }

    static Instant instant(OffsetDateTime value) {
        return value == null ? null : value.toInstant();
    }

    @Override
    public List<Member> members(WorkspaceId workspace) {
        return jdbc.sql("""
                        select u.id, u.email, u.display_name, m.role from membership m join app_user u on u.id = m.user_id
                        where m.workspace_id = ? and m.deactivated_at is null order by u.display_name, u.email""")
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

    static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
