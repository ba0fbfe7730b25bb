package dev.attest.identity.internal;

import dev.attest.web.Columns;
import dev.attest.identity.CurrentUser;
import dev.attest.identity.Member;
import dev.attest.identity.MemberAccount;
import dev.attest.identity.Role;
import dev.attest.identity.WorkspaceId;
import dev.attest.identity.WorkspaceMembers;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/** Workspaces, users, memberships and API tokens, in plain SQL. */
@Repository
@RequiredArgsConstructor
class AccountStore implements WorkspaceMembers {

    private final JdbcClient jdbc;

    record StoredUser(UUID id, String email, String displayName, String passwordHash, boolean enabled, Instant lockedUntil) {
    }

    private static final String USER = "select id, email, display_name, password_hash, enabled, locked_until from app_user";

    private static StoredUser storedUser(ResultSet rs, int n) throws SQLException {
        return new StoredUser(rs.getObject("id", UUID.class), rs.getString("email"), rs.getString("display_name"),
                rs.getString("password_hash"), rs.getBoolean("enabled"),
                Columns.instant(rs, "locked_until"));
    }

    Optional<UUID> workspaceBySlug(String slug) {
        return jdbc.sql("select id from workspace where slug = ?").param(slug).query(UUID.class).optional();
    }

    void insertWorkspace(UUID id, String slug, String name, Instant now) {
        jdbc.sql("insert into workspace (id, slug, name, created_at) values (?, ?, ?, ?)")
                .params(id, slug, name, Columns.utc(now)).update();
    }

    Optional<StoredUser> userByEmail(String email) {
        return jdbc.sql(USER + " where email = ?").param(normalize(email)).query(AccountStore::storedUser).optional();
    }

    Optional<StoredUser> userById(UUID id) {
        return jdbc.sql(USER + " where id = ?").param(id).query(AccountStore::storedUser).optional();
    }

    void insertUser(UUID id, String email, String displayName, String passwordHash, Instant now) {
        jdbc.sql("insert into app_user (id, email, display_name, password_hash, enabled, created_at) values (?, ?, ?, ?, true, ?)")
                .params(id, normalize(email), displayName, passwordHash, Columns.utc(now)).update();
    }

    void insertMembership(UUID workspace, UUID user, Role role, Instant now) {
        jdbc.sql("insert into membership (workspace_id, user_id, role, created_at) values (?, ?, ?, ?)")
                .params(workspace, user, role.wireName(), Columns.utc(now)).update();
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
                .params(user, Columns.utc(now))
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
                    return new SessionState(rs.getBoolean("enabled"), Columns.instant(rs, "sessions_valid_after"),
                            Role.fromWireName(rs.getString("role")), active, rs.getString("name"), rs.getBoolean("require_mfa"),
                            rs.getInt("mfa") > 0);
                })
                .optional();
    }

    void setPassword(UUID user, String hash) {
        jdbc.sql("update app_user set password_hash = ? where id = ?").params(hash, user).update();
    }

    /** Shown to admins on the members page; null lifts the lock. */
    void setLockedUntil(UUID user, Instant until) {
        jdbc.sql("update app_user set locked_until = ? where id = ?").params(Columns.utc(until), user).update();
    }

    void endSessions(UUID user, Instant now) {
        jdbc.sql("update app_user set sessions_valid_after = ? where id = ?").params(Columns.utc(now), user).update();
    }

    // --- members, as an admin sees them

    /**
     * A member as an admin sees them; {@code serviceTokens} counts the unrevoked service tokens they own,
     * which work only while the member is active and never beyond the member's role.
     */
    record MemberRow(UUID userId, String email, String displayName, Role role, boolean active, Instant expiresAt,
                     Instant lockedUntil, int serviceTokens) {

        public String expiresOn() {
            return expiresAt == null ? "" : expiresAt.toString().substring(0, 10);
        }
    }

    private static final String MEMBER_ROWS = """
            select u.id, u.email, u.display_name, u.locked_until, m.role, m.deactivated_at, m.expires_at,
                   (select count(*) from api_token t where t.workspace_id = m.workspace_id and t.owner_id = m.user_id
                      and t.kind = 'service' and t.revoked_at is null) as service_tokens
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
                Columns.instant(rs, "expires_at"), Columns.instant(rs, "locked_until"),
                rs.getInt("service_tokens"));
    }

    int activeAdmins(UUID workspace) {
        return jdbc.sql("select count(*) from membership where workspace_id = ? and role = 'admin' and deactivated_at is null")
                .param(workspace).query(Integer.class).single();
    }

    void updateMembership(UUID workspace, UUID user, Role role, Instant expiresAt) {
        jdbc.sql("update membership set role = ?, expires_at = ? where workspace_id = ? and user_id = ?")
                .params(role.wireName(), Columns.utc(expiresAt), workspace, user).update();
    }

    void setDeactivated(UUID workspace, UUID user, Instant at) {
        jdbc.sql("update membership set deactivated_at = ? where workspace_id = ? and user_id = ?")
                .params(Columns.utc(at), workspace, user).update();
    }

    /** The member of the workspace with that email who may act now, if any. */
    Optional<UUID> activeMember(UUID workspace, String email, Instant now) {
        return jdbc.sql("""
                        select m.user_id from membership m join app_user u on u.id = m.user_id
                        where m.workspace_id = ? and u.email = ? and m.deactivated_at is null and u.enabled
                          and (m.expires_at is null or m.expires_at > ?)""")
                .params(workspace, email, Columns.utc(now)).query(UUID.class).optional();
    }

    boolean requiresMfa(UUID workspace) {
        return jdbc.sql("select require_mfa from workspace where id = ?").param(workspace).query(Boolean.class).single();
    }

    void setRequireMfa(UUID workspace, boolean required) {
        jdbc.sql("update workspace set require_mfa = ? where id = ?").params(required, workspace).update();
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
    public List<MemberAccount> memberAccounts(WorkspaceId workspace) {
        return jdbc.sql("""
                        select u.id, u.email, u.display_name, m.role, m.created_at, t.enabled_at
                        from membership m join app_user u on u.id = m.user_id left join user_totp t on t.user_id = u.id
                        where m.workspace_id = ? and m.deactivated_at is null order by u.email""")
                .param(workspace.value())
                .query((rs, n) -> new MemberAccount(new Member(rs.getObject("id", UUID.class), rs.getString("email"),
                        rs.getString("display_name"), Role.fromWireName(rs.getString("role"))),
                        rs.getObject("enabled_at", OffsetDateTime.class) != null,
                        Columns.instant(rs, "created_at")))
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
}
