package dev.attest.identity.internal;

import dev.attest.identity.Permission;
import dev.attest.identity.RequiresPermission;
import dev.attest.identity.CurrentUser;
import dev.attest.identity.Role;
import dev.attest.web.Htmx;
import dev.attest.web.InvalidFieldException;
import dev.attest.web.NotFoundException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.time.Clock;
import java.util.UUID;
import java.util.function.Supplier;

/** The members page for admins, and the workspace switcher every member has in the header. */
@Controller
@RequiredArgsConstructor
class MemberPages {

    private final Memberships administration;
    private final AccountStore accounts;
    private final SessionStart sessions;
    private final SignInThrottle throttle;
    private final Clock clock;

    private final Invitations invitations;
    private final MemberForms forms;

    @GetMapping("/members")
    @RequiresPermission(Permission.WORKSPACE_ADMIN)
    String members(CurrentUser user, HttpServletRequest request, Model model) {
        return page(user, request, model);
    }

    private String page(CurrentUser user, HttpServletRequest request, Model model) {
        model.addAttribute("members", administration.members(user.workspaceId()));
        model.addAttribute("roles", Role.values());
        model.addAttribute("invitations", invitations.open(user.workspaceId()));
        model.addAttribute("mailConfigured", invitations.mailConfigured());
        model.addAttribute("requireMfa", accounts.requiresMfa(user.workspaceId().value()));
        return Htmx.view(request, "identity/members", "list");
    }

    @PostMapping("/members/{userId}/role")
    @RequiresPermission(Permission.WORKSPACE_ADMIN)
    String changeRole(CurrentUser user, @PathVariable UUID userId, @RequestParam(required = false) String role,
                      @RequestParam(required = false) String expiresOn, HttpServletRequest request, Model model) {
        return act(user, request, model, () -> administration.changeRole(user, userId, forms.roleChange(role, expiresOn)));
    }

    @PostMapping("/members/{userId}/deactivate")
    @RequiresPermission(Permission.WORKSPACE_ADMIN)
    String deactivate(CurrentUser user, @PathVariable UUID userId, HttpServletRequest request, Model model) {
        return act(user, request, model, () -> administration.deactivate(user, userId));
    }

    @PostMapping("/members/{userId}/reactivate")
    @RequiresPermission(Permission.WORKSPACE_ADMIN)
    String reactivate(CurrentUser user, @PathVariable UUID userId, HttpServletRequest request, Model model) {
        return act(user, request, model, () -> administration.reactivate(user, userId));
    }

    @PostMapping("/members/{userId}/unlock")
    @RequiresPermission(Permission.WORKSPACE_ADMIN)
    String unlock(CurrentUser user, @PathVariable UUID userId, HttpServletRequest request, Model model) {
        return act(user, request, model, () -> {
            throttle.unlock(user, userId);
            return null;
        });
    }

    @PostMapping("/workspace/settings")
    @RequiresPermission(Permission.WORKSPACE_ADMIN)
    String settings(CurrentUser user, @RequestParam(required = false) String requireMfa, HttpServletRequest request, Model model) {
        return act(user, request, model, () -> {
            if (!"true".equals(requireMfa) && !"false".equals(requireMfa)) {
                throw new InvalidFieldException("requireMfa", "must be true or false");
            }
            administration.requireMfa(user, Boolean.parseBoolean(requireMfa));
            return null;
        });
    }

    @PostMapping("/workspaces")
    @RequiresPermission(Permission.WORKSPACE_ADMIN)
    String createWorkspace(CurrentUser user, @RequestParam(required = false) String slug, @RequestParam(required = false) String name,
                           HttpServletRequest request, Model model) {
        return act(user, request, model, () -> administration.createWorkspace(user, slug, name));
    }

    private String act(CurrentUser user, HttpServletRequest request, Model model, Supplier<?> action) {
        try {
            action.get();
            return Htmx.isHtmx(request) ? page(user, request, model) : "redirect:/members";
        } catch (InvalidFieldException e) {
            model.addAttribute("errors", e.errors());
            return page(user, request, model);
        }
    }

    @PostMapping("/workspaces/switch")
    @RequiresPermission(Permission.ACCOUNT_SELF)
    String switchWorkspace(CurrentUser user, @RequestParam(required = false) UUID workspace, HttpServletRequest request,
                           HttpServletResponse response) {
        if (workspace == null) {
            throw new NotFoundException("No such workspace");
        }
        var stored = accounts.userById(user.userId()).orElseThrow(() -> new NotFoundException("No such user"));
        CurrentUser next = accounts.sessionUser(stored, workspace, clock.instant())
                .orElseThrow(() -> new NotFoundException("You are not a member of that workspace"));
        sessions.use(request, response, next);
        return "redirect:/";
    }
}
