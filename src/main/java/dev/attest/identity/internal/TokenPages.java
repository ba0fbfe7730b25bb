package dev.attest.identity.internal;

import dev.attest.identity.Permission;
import dev.attest.identity.RequiresPermission;
import dev.attest.identity.CurrentUser;
import dev.attest.identity.Role;
import dev.attest.web.InvalidFieldException;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.time.Clock;
import java.util.UUID;

/** The tokens page: create (the value is shown on the answer page only), list, revoke. */
@Controller
@RequiredArgsConstructor
class TokenPages {

    private final ApiTokens tokens;
    private final Clock clock;

    @GetMapping("/account/tokens")
    @RequiresPermission(Permission.ACCOUNT_SELF)
    String list(CurrentUser user, Model model) {
        model.addAttribute("tokens", tokens.list(user));
        model.addAttribute("now", clock.instant());
        model.addAttribute("roles", Role.values());
        return "identity/tokens";
    }

    @PostMapping("/account/tokens")
    @RequiresPermission(Permission.ACCOUNT_SELF)
    String create(CurrentUser user, @RequestParam(required = false) String name, @RequestParam(required = false) String scope,
                  @RequestParam(required = false) String kind, @RequestParam(required = false) String role,
                  @RequestParam(required = false) String expiresOn, Model model) {
        try {
            var issued = tokens.create(user, kind, name, scope, "service".equals(kind) ? role : null, expiresOn);
            model.addAttribute("issued", issued);
        } catch (InvalidFieldException e) {
            model.addAttribute("errors", e.errors());
        }
        return list(user, model);
    }

    @PostMapping("/account/tokens/{tokenId}/owner")
    @RequiresPermission(Permission.WORKSPACE_ADMIN)
    String transfer(CurrentUser user, @PathVariable UUID tokenId, @RequestParam(required = false) String email, Model model) {
        try {
            tokens.transfer(user, tokenId, email);
            return "redirect:/account/tokens";
        } catch (InvalidFieldException e) {
            model.addAttribute("errors", e.errors());
            return list(user, model);
        }
    }

    @PostMapping("/account/tokens/{tokenId}/revoke")
    @RequiresPermission(Permission.ACCOUNT_SELF)
    String revoke(CurrentUser user, @PathVariable UUID tokenId) {
        tokens.revoke(user, tokenId);
        return "redirect:/account/tokens";
    }
}
