package dev.attest.identity.internal;

import dev.attest.identity.Permission;
import dev.attest.identity.RequiresPermission;
import dev.attest.identity.CurrentUser;
import dev.attest.web.InvalidFieldException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.time.Instant;

/** One's own account: password, sign-out everywhere, and links to tokens and the second factor. */
@Controller
@RequiredArgsConstructor
class AccountPages {

    private final Passwords passwords;

    @GetMapping("/account")
    @RequiresPermission(Permission.ACCOUNT_SELF)
    String account() {
        return "identity/account";
    }

    @PostMapping("/account/password")
    @RequiresPermission(Permission.ACCOUNT_SELF)
    String changePassword(CurrentUser user, @RequestParam(required = false) String current, @RequestParam(required = false) String password,
                          @RequestParam(required = false) String confirm, HttpServletRequest request, Model model) {
        Instant now;
        try {
            now = passwords.change(user, current, password, confirm);
        } catch (InvalidFieldException e) {
            model.addAttribute("errors", e.errors());
            return "identity/account";
        }
        // Every other session ends; this one carries on as if just signed in.
        request.getSession().setAttribute(SessionCheck.SIGNED_IN_AT, now);
        model.addAttribute("notice", "Your password is changed. Your other sessions are signed out.");
        return "identity/account";
    }

    @PostMapping("/account/sessions/end")
    @RequiresPermission(Permission.ACCOUNT_SELF)
    String signOutEverywhere(CurrentUser user, HttpServletRequest request, HttpServletResponse response) {
        passwords.endSessions(user);
        var session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        return "redirect:/login?signedOut";
    }
}
