package dev.attest.identity.internal;

import dev.attest.identity.Permission;
import dev.attest.identity.RequiresPermission;
import dev.attest.identity.CurrentUser;
import dev.attest.web.InvalidFieldException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import lombok.RequiredArgsConstructor;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Members", description = "Members of the workspace, their roles, and the workspaces a user belongs to")
@RequiredArgsConstructor
class MembersApi {

    private final Memberships administration;
    private final MemberForms forms;
    private final AccountStore accounts;
    private final SignInThrottle throttle;
    private final Clock clock;

    /** A member; {@code serviceTokens} counts the unrevoked service tokens they answer for. */
    record MemberView(UUID userId, String email, String displayName, String role, boolean active, Instant expiresAt,
                      Instant lockedUntil, int serviceTokens) {

        static MemberView of(AccountStore.MemberRow row) {
            return new MemberView(row.userId(), row.email(), row.displayName(), row.role().wireName(), row.active(),
                    row.expiresAt(), row.lockedUntil(), row.serviceTokens());
        }
    }

    @GetMapping("/members")
    @RequiresPermission(Permission.WORKSPACE_ADMIN)
    @Operation(summary = "Every member of this workspace, active or deactivated")
    List<MemberView> list(CurrentUser user) {
        return administration.members(user.workspaceId()).stream().map(MemberView::of).toList();
    }

    @GetMapping("/members/{userId}")
    @RequiresPermission(Permission.WORKSPACE_ADMIN)
    @Operation(summary = "One member")
    MemberView get(CurrentUser user, @PathVariable UUID userId) {
        return MemberView.of(administration.member(user.workspaceId(), userId));
    }

    @PatchMapping("/members/{userId}")
    @RequiresPermission(Permission.WORKSPACE_ADMIN)
    @Operation(summary = "Change a member's role (and, for an auditor, the expiry date expiresOn: yyyy-mm-dd)")
    MemberView change(CurrentUser user, @PathVariable UUID userId, @RequestBody Map<String, Object> body) {
        for (String field : body.keySet()) {
            if (!field.equals("role") && !field.equals("expiresOn")) {
                throw new InvalidFieldException(field, "is not a field of a member (allowed: role, expiresOn)");
            }
        }
        return MemberView.of(administration.changeRole(user, userId, forms.roleChange(text(body, "role"), text(body, "expiresOn"))));
    }

    @PostMapping("/members/{userId}/deactivate")
    @RequiresPermission(Permission.WORKSPACE_ADMIN)
    @Operation(summary = "Deactivate a member: their sessions and tokens in this workspace end at once")
    MemberView deactivate(CurrentUser user, @PathVariable UUID userId) {
        return MemberView.of(administration.deactivate(user, userId));
    }

    @PostMapping("/members/{userId}/reactivate")
    @RequiresPermission(Permission.WORKSPACE_ADMIN)
    @Operation(summary = "Reactivate a deactivated member (their revoked tokens stay revoked)")
    MemberView reactivate(CurrentUser user, @PathVariable UUID userId) {
        return MemberView.of(administration.reactivate(user, userId));
    }

    @PostMapping("/members/{userId}/unlock")
    @RequiresPermission(Permission.WORKSPACE_ADMIN)
    @Operation(summary = "Lift a sign-in lock before it runs out")
    MemberView unlock(CurrentUser user, @PathVariable UUID userId) {
        throttle.unlock(user, userId);
        return MemberView.of(administration.member(user.workspaceId(), userId));
    }

    record WorkspaceView(UUID id, String slug, String name, String role, boolean current) {
    }

    @GetMapping("/workspaces")
    @RequiresPermission(Permission.ACCOUNT_SELF)
    @Operation(summary = "The workspaces the caller belongs to, with the role in each")
    List<WorkspaceView> workspaces(CurrentUser user) {
        if (user.userId() == null) {
            return List.of(new WorkspaceView(user.workspaceId().value(), null, user.workspaceName(), user.role().wireName(), true));
        }
        return accounts.workspacesOf(user.userId(), clock.instant()).stream()
                .map(w -> new WorkspaceView(w.id(), w.slug(), w.name(), w.role().wireName(), w.id().equals(user.workspaceId().value())))
                .toList();
    }

    record NewWorkspace(String slug, String name) {
    }

    @PostMapping("/workspaces")
    @RequiresPermission(Permission.WORKSPACE_ADMIN)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a workspace; the caller becomes its admin")
    WorkspaceView create(CurrentUser user, @RequestBody NewWorkspace body) {
        var created = administration.createWorkspace(user, body.slug(), body.name());
        return new WorkspaceView(created.id(), created.slug(), created.name(), created.role().wireName(), false);
    }

    record Settings(boolean requireMfa) {
    }

    @GetMapping("/workspace/settings")
    @RequiresPermission(Permission.WORKSPACE_ADMIN)
    @Operation(summary = "This workspace's security settings")
    Settings settings(CurrentUser user) {
        return new Settings(accounts.requiresMfa(user.workspaceId().value()));
    }

    @PutMapping("/workspace/settings")
    @RequiresPermission(Permission.WORKSPACE_ADMIN)
    @Operation(summary = "Change the security settings: requireMfa makes every member enrol a second factor")
    Settings changeSettings(CurrentUser user, @RequestBody Map<String, Object> body) {
        if (!(body.get("requireMfa") instanceof Boolean required)) {
            throw new InvalidFieldException("requireMfa", "must be true or false");
        }
        administration.requireMfa(user, required);
        return new Settings(required);
    }

    private static String text(Map<String, Object> body, String field) {
        Object value = body.get(field);
        if (value == null || value instanceof String) {
            return (String) value;
        }
        throw new InvalidFieldException(field, "must be a string");
    }
}
