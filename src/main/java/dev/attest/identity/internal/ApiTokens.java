package dev.attest.identity.internal;

import dev.attest.identity.ApiTokenCreated;
import dev.attest.identity.ApiTokenOwnerChanged;
import dev.attest.identity.ApiTokenRevoked;
import dev.attest.identity.CurrentUser;
import dev.attest.identity.Permission;
import dev.attest.identity.Role;
import dev.attest.web.InvalidFieldException;
import dev.attest.web.NotFoundException;
import dev.attest.web.WireName;
import lombok.RequiredArgsConstructor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
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
@RequiredArgsConstructor
class ApiTokens {

    static final int DEFAULT_DAYS = 90;
    static final int MAX_DAYS = 366;

    private final TokenStore tokens;
    private final AccountStore accounts;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    record TokenView(UUID id, String name, String kind, String scope, String role, String owner, Instant createdAt,
                     Instant expiresAt, Instant lastUsedAt, Instant revokedAt) {

        public boolean live(Instant now) {
            return revokedAt == null && (expiresAt == null || expiresAt.isAfter(now));
        }
    }

    /** A new token and its value, which is never shown again. */
    record Issued(TokenView token, String value) {
    }

    /** Admins see every token of the workspace; everyone else their own. */
    @Transactional(readOnly = true)
    List<TokenView> list(CurrentUser user) {
        if (user.can(Permission.WORKSPACE_ADMIN)) {
            return tokens.all(user.workspaceId());
        }
        if (user.userId() == null) {
            return List.of();
        }
        return tokens.of(user.workspaceId(), user.userId());
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
            serviceRole = WireName.parse(Role.class, role == null ? "" : role.strip())
                    .orElseThrow(() -> new InvalidFieldException("role", "a service token needs a role: one of " + WireName.allowed(Role.class)));
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
        tokens.insert(id, user.workspaceId(), k.equals("service") ? null : user.userId(), n, TokenHash.of(value), scope, now, expires, k,
                serviceRole, user.actor(), owner);
        events.publishEvent(new ApiTokenCreated(user.workspaceId(), user.actor(), id, n, k, scope));
        return new Issued(get(user, id), value);
    }

    /** Who answers for a token this caller creates: the caller, or for a service token acting, that token's owner. */
    private UUID ownerOf(CurrentUser user) {
        if (user.userId() != null) {
            return user.userId();
        }
        return tokens.owner(user.tokenId()).orElseThrow(() -> new AccessDeniedException("This token has no owner to answer for a new one"));
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
        UUID owner = accounts.activeMember(admin.workspaceId().value(), address, clock.instant())
                .orElseThrow(() -> new InvalidFieldException("email", "must be the email of an active member of this workspace"));
        tokens.setOwner(admin.workspaceId(), id, owner);
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
        TokenStore.Row row = tokens.row(user.workspaceId(), id).orElseThrow(() -> new NotFoundException("No such token"));
        if (!user.can(Permission.WORKSPACE_ADMIN) && (user.userId() == null || !user.userId().equals(row.user()))) {
            throw new NotFoundException("No such token");
        }
        return row.view();
    }

    @Transactional
    TokenView revoke(CurrentUser user, UUID id) {
        TokenView token = get(user, id);
        if (token.revokedAt() == null) {
            tokens.revoke(user.workspaceId(), id, clock.instant());
            events.publishEvent(new ApiTokenRevoked(user.workspaceId(), user.actor(), id, token.name()));
        }
        return get(user, id);
    }
}
