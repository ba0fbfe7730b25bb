package dev.attest.identity.internal;

import dev.attest.identity.CurrentUser;
import dev.attest.identity.Role;
import dev.attest.web.Htmx;
import dev.attest.web.InvalidFieldException;
import dev.attest.web.NotFoundException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.access.prepost.PreAuthorize;
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
class MemberPages {

    private final Memberships administration;
    private final AccountStore accounts;
    private final SessionStart sessions;
    private final SignInThrottle throttle;
    private final Clock clock;

    private final Invitations invitations;

    MemberPages(Memberships administration, AccountStore accounts, SessionStart sessions, SignInThrottle throttle, Clock clock,
                Invitations invitations) {
        this.invitations = invitations;
        this.administration = administration;
        this.accounts = accounts;
        this.sessions = sessions;
        this.throttle = throttle;
        this.clock = clock;
    }

    @GetMapping("/members")
    @PreAuthorize("hasAuthority('workspace:admin')")
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
    @PreAuthorize("hasAuthority('workspace:admin')")
    String changeRole(CurrentUser user, @PathVariable UUID userId, @RequestParam(required = false) String role,
                      @RequestParam(required = false) String expiresOn, HttpServletRequest request, Model model) {
        return act(user, request, model, () -> administration.changeRole(user, userId, role, expiresOn));
    }

    @PostMapping("/members/{userId}/deactivate")
    @PreAuthorize("hasAuthority('workspace:admin')")
    String deactivate(CurrentUser user, @PathVariable UUID userId, HttpServletRequest request, Model model) {
        return act(user, request, model, () -> administration.deactivate(user, userId));
    }

    @PostMapping("/members/{userId}/reactivate")
    @PreAuthorize("hasAuthority('workspace:admin')")
    String reactivate(CurrentUser user, @PathVariable UUID userId, HttpServletRequest request, Model model) {
        return act(user, request, model, () -> administration.reactivate(user, userId));
    }

    @PostMapping("/members/{userId}/unlock")
    @PreAuthorize("hasAuthority('workspace:admin')")
    String unlock(CurrentUser user, @PathVariable UUID userId, HttpServletRequest request, Model model) {
        return act(user, request, model, () -> {
            throttle.unlock(user, userId);
            return null;
        });
    }

    @PostMapping("/workspace/settings")
    @PreAuthorize("hasAuthority('workspace:admin')")
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
    @PreAuthorize("hasAuthority('workspace:admin')")
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
    @PreAuthorize("hasAuthority('account:self')")
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
