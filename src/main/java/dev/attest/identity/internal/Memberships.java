package dev.attest.identity.internal;

import dev.attest.identity.CurrentUser;
import dev.attest.identity.MemberDeactivated;
import dev.attest.identity.MemberReactivated;
import dev.attest.identity.MemberRoleChanged;
import dev.attest.identity.MemberRoles;
import dev.attest.identity.Role;
import dev.attest.identity.WorkspaceCreated;
import dev.attest.identity.WorkspaceId;
import dev.attest.identity.WorkspaceSettingsChanged;
import dev.attest.web.InvalidFieldException;
import dev.attest.web.NotFoundException;
import dev.attest.identity.ChangeRole;
import dev.attest.web.CommandValidation;
import lombok.RequiredArgsConstructor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * What a workspace admin does to members: change a role, deactivate (which ends the member's
 * sessions and tokens in the workspace at once) and reactivate. A workspace always keeps one
 * active admin, and nobody deactivates themselves.
 */
@Service
@RequiredArgsConstructor
class Memberships implements MemberRoles {

    private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]{1,62}");

    private final AccountStore accounts;
    private final TokenStore tokens;
    private final ApplicationEventPublisher events;
    private final CommandValidation commands;
    private final Clock clock;

    @Transactional(readOnly = true)
    List<AccountStore.MemberRow> members(WorkspaceId workspace) {
        return accounts.memberRows(workspace.value());
    }

    @Transactional(readOnly = true)
    AccountStore.MemberRow member(WorkspaceId workspace, UUID user) {
        return accounts.memberRow(workspace.value(), user).orElseThrow(() -> new NotFoundException("No such member in this workspace"));
    }

    /** Changes the role; an auditor's membership may carry an expiry date (and only an auditor's). */
    @Transactional
    AccountStore.MemberRow changeRole(CurrentUser admin, UUID user, ChangeRole change) {
        AccountStore.MemberRow member = member(admin.workspaceId(), user);
        Role role = commands.valid(change).role();
        Instant expires = null;
        if (change.expiresOn() != null) {
            if (role != Role.AUDITOR) {
                throw new InvalidFieldException("expiresOn", "only an auditor's membership expires");
            }
            expires = change.expiresOn().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
            if (!expires.isAfter(clock.instant())) {
                throw new InvalidFieldException("expiresOn", "must be today or later");
            }
        }
        if (member.role() == Role.ADMIN && role != Role.ADMIN && member.active() && accounts.activeAdmins(admin.workspaceId().value()) <= 1) {
            throw new InvalidFieldException("role", "the workspace needs at least one active admin");
        }
        accounts.updateMembership(admin.workspaceId().value(), user, role, expires);
        if (member.role() != role) {
            events.publishEvent(new MemberRoleChanged(admin.workspaceId(), admin.actor(), member.email(), member.role(), role));
        }
        return member(admin.workspaceId(), user);
    }

    @Override
    @Transactional
    public Outcome provisionRole(WorkspaceId workspace, String email, Role role, String actor) {
        String wanted = AccountStore.normalize(email);
        AccountStore.MemberRow member = accounts.memberRows(workspace.value()).stream()
                .filter(m -> m.email().equals(wanted)).findFirst().orElse(null);
        if (member == null) {
            return Outcome.NOT_A_MEMBER;
        }
        if (member.role() == role) {
            return Outcome.UNCHANGED;
        }
        if (member.role() == Role.ADMIN && member.active() && accounts.activeAdmins(workspace.value()) <= 1) {
            return Outcome.LAST_ADMIN_KEPT;
        }
        // A provisioned role never expires: only an admin grants an auditor a dated membership.
        accounts.updateMembership(workspace.value(), member.userId(), role, null);
        events.publishEvent(new MemberRoleChanged(workspace, actor, member.email(), member.role(), role));
        return Outcome.CHANGED;
    }

    @Transactional
    AccountStore.MemberRow deactivate(CurrentUser admin, UUID user) {
        AccountStore.MemberRow member = member(admin.workspaceId(), user);
        if (user.equals(admin.userId())) {
            throw new InvalidFieldException("member", "you cannot deactivate yourself");
        }
        if (!member.active()) {
            return member;
        }
        if (member.role() == Role.ADMIN && accounts.activeAdmins(admin.workspaceId().value()) <= 1) {
            throw new InvalidFieldException("member", "the workspace needs at least one active admin");
        }
        Instant now = clock.instant();
        accounts.setDeactivated(admin.workspaceId().value(), user, now);
        int revoked = tokens.revokeAllOf(admin.workspaceId().value(), user, now);
        events.publishEvent(new MemberDeactivated(admin.workspaceId(), admin.actor(), member.email(), revoked));
        return member(admin.workspaceId(), user);
    }

    @Transactional
    AccountStore.MemberRow reactivate(CurrentUser admin, UUID user) {
        AccountStore.MemberRow member = member(admin.workspaceId(), user);
        if (!member.active()) {
            accounts.setDeactivated(admin.workspaceId().value(), user, null);
            events.publishEvent(new MemberReactivated(admin.workspaceId(), admin.actor(), member.email()));
        }
        return member(admin.workspaceId(), user);
    }

    @Transactional
    void requireMfa(CurrentUser admin, boolean required) {
        accounts.setRequireMfa(admin.workspaceId().value(), required);
        events.publishEvent(new WorkspaceSettingsChanged(admin.workspaceId(), admin.actor(), required));
    }

    /** A new workspace whose first admin is the user who creates it. */
    @Transactional
    AccountStore.WorkspaceChoice createWorkspace(CurrentUser creator, String slug, String name) {
        String s = slug == null ? "" : slug.strip();
        String n = name == null ? "" : name.strip();
        if (!SLUG.matcher(s).matches()) {
            throw new InvalidFieldException("slug", "must be 2 to 63 lowercase letters, digits or dashes");
        }
        if (n.isEmpty() || n.length() > 200) {
            throw new InvalidFieldException("name", "must be 1 to 200 characters");
        }
        if (accounts.workspaceBySlug(s).isPresent()) {
            throw new InvalidFieldException("slug", "is taken");
        }
        if (creator.userId() == null) {
            throw new InvalidFieldException("token", "a service token cannot create workspaces");
        }
        Instant now = clock.instant();
        UUID id = UUID.randomUUID();
        accounts.insertWorkspace(id, s, n, now);
        accounts.insertMembership(id, creator.userId(), Role.ADMIN, now);
        events.publishEvent(new WorkspaceCreated(new WorkspaceId(id), s, n));
        return new AccountStore.WorkspaceChoice(id, s, n, Role.ADMIN);
    }
}
