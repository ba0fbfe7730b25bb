package dev.attest.identity.internal;

import dev.attest.identity.ApiTokenCreated;
import dev.attest.identity.ApiTokenOwnerChanged;
import dev.attest.identity.ApiTokenRevoked;
import dev.attest.identity.CurrentUser;
import dev.attest.identity.Permission;
import dev.attest.identity.Role;
import dev.attest.web.InvalidFieldException;
import dev.attest.web.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;

/**
 * Personal tokens (act as their user, never beyond the user's role) and service tokens (belong to
 * the workspace, carry a role an admin chose). Either has a read or read-write scope and an expiry;
 * the value is shown once and only its SHA-256 is kept.
 */
@Service
class ApiTokens {

    static final int DEFAULT_DAYS = 90;
    static final int MAX_DAYS = 366;

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ApiTokens(JdbcClient jdbc, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    record TokenView(UUID id, String name, String kind, String scope, String role, String owner, Instant createdAt,
                     Instant expiresAt, Instant lastUsedAt, Instant revokedAt) {

        public boolean live(Instant now) {
            return revokedAt == null && (expiresAt == null || expiresAt.isAfter(now));
        }
    }

    /** A new token and its value, which is never shown again. */
    record Issued(TokenView token, String value) {
    }

    private static final String VIEW = """
            select t.id, t.name, t.kind, t.scope, t.role, u.email, t.created_at, t.expires_at, t.last_used_at, t.revoked_at, t.user_id
            from api_token t left join app_user u on u.id = t.owner_id where t.workspace_id = ?""";

    /** Admins see every token of the workspace; everyone else their own. */
    @Transactional(readOnly = true)
    List<TokenView> list(CurrentUser user) {
        if (user.can(Permission.WORKSPACE_ADMIN)) {
            return jdbc.sql(VIEW + " order by t.created_at desc").param(user.workspaceId().value()).query(ApiTokens::view).list();
        }
        if (user.userId() == null) {
            return List.of();
        }
        return jdbc.sql(VIEW + " and t.user_id = ? order by t.created_at desc").params(user.workspaceId().value(), user.userId())
                .query(ApiTokens::view).list();
    }

    @Transactional
    Issued create(CurrentUser user, String kind, String name, String scope, String role, String expiresOn) {
        String k = kind == null || kind.isBlank() ? "personal" : kind.strip();
        if (!k.equals("personal") && !k.equals("service")) {
            throw new InvalidFieldException("kind", "must be personal or service");
        }
        String n = name == null ? "" : name.strip();
        if (n.isEmpty() || n.length() > 100) {
            throw new InvalidFieldException("name", "must be 1 to 100 characters");
        }
        if (!"read".equals(scope) && !"read_write".equals(scope)) {
            throw new InvalidFieldException("scope", "must be read or read_write");
        }
        Instant now = clock.instant();
        Instant expires = expiry(expiresOn, now);
        Role serviceRole = null;
        if (k.equals("service")) {
            if (!user.can(Permission.WORKSPACE_ADMIN)) {
                throw new AccessDeniedException("Only admins create service tokens");
            }
            serviceRole = Role.parse(role == null ? "" : role.strip())
                    .orElseThrow(() -> new InvalidFieldException("role", "a service token needs a role: one of " + Role.allowed()));
        } else {
            if (role != null && !role.isBlank()) {
                throw new InvalidFieldException("role", "a personal token has its owner's role");
            }
            if (user.userId() == null) {
                throw new InvalidFieldException("kind", "a service token can only create service tokens");
            }
        }
        UUID owner = ownerOf(user);
        String value = TokenHash.newToken();
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into api_token (id, workspace_id, user_id, name, token_hash, scope, created_at, expires_at, kind, role, created_by,
                                               owner_id)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, user.workspaceId().value(), k.equals("service") ? null : user.userId(), n, TokenHash.of(value), scope,
                        AccountStore.utc(now), AccountStore.utc(expires), k, serviceRole == null ? null : serviceRole.wireName(), user.actor(),
                        owner)
                .update();
        events.publishEvent(new ApiTokenCreated(user.workspaceId(), user.actor(), id, n, k, scope));
        return new Issued(get(user, id), value);
    }

    /** Who answers for a token this caller creates: the caller, or for a service token acting, that token's owner. */
    private UUID ownerOf(CurrentUser user) {
        if (user.userId() != null) {
            return user.userId();
        }
        return jdbc.sql("select owner_id from api_token where id = ?").param(user.tokenId()).query(UUID.class).optional()
                .orElseThrow(() -> new AccessDeniedException("This token has no owner to answer for a new one"));
    }

    /**
     * Hands a service token to another active member of the workspace (an admin does this before or
     * after its owner leaves). The token then works again, within the new owner's role.
     */
    @Transactional
    TokenView transfer(CurrentUser admin, UUID id, String email) {
        TokenView token = get(admin, id);
        if (!"service".equals(token.kind())) {
            throw new InvalidFieldException("kind", "only a service token changes owner; a personal token belongs to its user");
        }
        String address = email == null ? "" : AccountStore.normalize(email);
        UUID owner = jdbc.sql("""
                        select m.user_id from membership m join app_user u on u.id = m.user_id
                        where m.workspace_id = ? and u.email = ? and m.deactivated_at is null and u.enabled
                          and (m.expires_at is null or m.expires_at > ?)""")
                .params(admin.workspaceId().value(), address, AccountStore.utc(clock.instant())).query(UUID.class).optional()
                .orElseThrow(() -> new InvalidFieldException("email", "must be the email of an active member of this workspace"));
        jdbc.sql("update api_token set owner_id = ? where id = ? and workspace_id = ?").params(owner, id, admin.workspaceId().value()).update();
        events.publishEvent(new ApiTokenOwnerChanged(admin.workspaceId(), admin.actor(), id, token.name(), token.owner(), address));
        return get(admin, id);
    }

    private Instant expiry(String expiresOn, Instant now) {
        if (expiresOn == null || expiresOn.isBlank()) {
            return now.plus(java.time.Duration.ofDays(DEFAULT_DAYS));
        }
        Instant expires;
        try {
            expires = LocalDate.parse(expiresOn.strip()).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidFieldException("expiresOn", "must be a date such as 2027-01-31");
        }
        if (!expires.isAfter(now)) {
            throw new InvalidFieldException("expiresOn", "must be today or later");
        }
        if (expires.isAfter(now.plus(java.time.Duration.ofDays(MAX_DAYS + 1)))) {
            throw new InvalidFieldException("expiresOn", "must be within " + MAX_DAYS + " days");
        }
        return expires;
    }

    /** A token the user may see: their own, or any of the workspace's for an admin; else not found. */
    @Transactional(readOnly = true)
    TokenView get(CurrentUser user, UUID id) {
        record Row(TokenView view, UUID owner) {
        }
        Row row = jdbc.sql(VIEW + " and t.id = ?").params(user.workspaceId().value(), id)
                .query((rs, n) -> new Row(view(rs, n), rs.getObject("user_id", UUID.class))).optional()
                .orElseThrow(() -> new NotFoundException("No such token"));
        if (!user.can(Permission.WORKSPACE_ADMIN) && (user.userId() == null || !user.userId().equals(row.owner()))) {
            throw new NotFoundException("No such token");
        }
        return row.view();
    }

    @Transactional
    TokenView revoke(CurrentUser user, UUID id) {
        TokenView token = get(user, id);
        if (token.revokedAt() == null) {
            jdbc.sql("update api_token set revoked_at = ? where id = ? and workspace_id = ?")
                    .params(AccountStore.utc(clock.instant()), id, user.workspaceId().value()).update();
            events.publishEvent(new ApiTokenRevoked(user.workspaceId(), user.actor(), id, token.name()));
        }
        return get(user, id);
    }

    private static TokenView view(ResultSet rs, int n) throws SQLException {
        return new TokenView(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("kind"), rs.getString("scope"),
                rs.getString("role"), rs.getString("email"), AccountStore.instant(rs.getObject("created_at", OffsetDateTime.class)),
                AccountStore.instant(rs.getObject("expires_at", OffsetDateTime.class)),
                AccountStore.instant(rs.getObject("last_used_at", OffsetDateTime.class)),
                AccountStore.instant(rs.getObject("revoked_at", OffsetDateTime.class)));
    }
}
