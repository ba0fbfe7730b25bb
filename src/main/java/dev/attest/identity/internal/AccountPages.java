package dev.attest.identity.internal;

import dev.attest.identity.Permission;
import dev.attest.identity.RequiresPermission;
import dev.attest.identity.CurrentUser;
import dev.attest.identity.PasswordChanged;
import dev.attest.identity.SessionsEnded;
import dev.attest.web.InvalidFieldException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.time.Clock;
import java.time.Instant;

/** One's own account: password, sign-out everywhere, and links to tokens and the second factor. */
@Controller
class AccountPages {

    private final AccountStore accounts;
    private final PasswordPolicy policy;
    private final PasswordEncoder passwords;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final Clock clock;

    AccountPages(AccountStore accounts, PasswordPolicy policy, PasswordEncoder passwords, ApplicationEventPublisher events,
                 TransactionTemplate transaction, Clock clock) {
        this.accounts = accounts;
        this.policy = policy;
        this.passwords = passwords;
        this.events = events;
        this.transaction = transaction;
        this.clock = clock;
    }

    @GetMapping("/account")
    @RequiresPermission(Permission.ACCOUNT_SELF)
    String account() {
        return "identity/account";
    }

    @PostMapping("/account/password")
    @RequiresPermission(Permission.ACCOUNT_SELF)
    String changePassword(CurrentUser user, @RequestParam(required = false) String current, @RequestParam(required = false) String password,
                          @RequestParam(required = false) String confirm, HttpServletRequest request, Model model) {
        var stored = accounts.userById(user.userId()).orElseThrow();
        try {
            if (current == null || stored.passwordHash() == null || !passwords.matches(current, stored.passwordHash())) {
                throw new InvalidFieldException("current", "is not your current password");
            }
            policy.check("password", password, user.email());
            if (!password.equals(confirm)) {
                throw new InvalidFieldException("confirm", "does not match the new password");
            }
        } catch (InvalidFieldException e) {
            model.addAttribute("errors", e.errors());
            return "identity/account";
        }
        // Whole milliseconds, so that the stamp read back from the database equals this session's sign-in time.
        Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        transaction.executeWithoutResult(status -> {
            accounts.setPassword(user.userId(), passwords.encode(password));
            // Every other session ends; this one carries on as if just signed in.
            accounts.endSessions(user.userId(), now);
            events.publishEvent(new PasswordChanged(user.workspaceId(), user.email()));
        });
        request.getSession().setAttribute(SessionCheck.SIGNED_IN_AT, now);
        model.addAttribute("notice", "Your password is changed. Your other sessions are signed out.");
        return "identity/account";
    }

    @PostMapping("/account/sessions/end")
    @RequiresPermission(Permission.ACCOUNT_SELF)
    String signOutEverywhere(CurrentUser user, HttpServletRequest request, HttpServletResponse response) {
        transaction.executeWithoutResult(status -> {
            accounts.endSessions(user.userId(), clock.instant());
            events.publishEvent(new SessionsEnded(user.workspaceId(), user.email()));
        });
        var session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        return "redirect:/login?signedOut";
    }
}
