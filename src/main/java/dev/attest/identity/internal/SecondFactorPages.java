package dev.attest.identity.internal;

import dev.attest.identity.Permission;
import dev.attest.identity.RequiresPermission;
import dev.attest.identity.CurrentUser;
import dev.attest.web.InvalidFieldException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import lombok.RequiredArgsConstructor;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.time.Clock;

/** Enrolling the TOTP second factor on the account page, and giving it at sign-in. */
@Controller
@RequiredArgsConstructor
class SecondFactorPages {

    private final SecondFactor secondFactor;
    private final AccountStore accounts;
    private final SignInThrottle throttle;
    private final SessionStart sessions;
    private final Clock clock;

    @GetMapping("/login/mfa")
    @PreAuthorize("hasAuthority('MFA_PENDING')")
    String codePage() {
        return "identity/mfa-sign-in";
    }

    @PostMapping("/login/mfa")
    @PreAuthorize("hasAuthority('MFA_PENDING')")
    String giveCode(Authentication authentication, @RequestParam(required = false) String code,
                    @RequestParam(required = false) String recoveryCode, HttpServletRequest request, HttpServletResponse response,
                    Model model) {
        SecondFactorPending pending = (SecondFactorPending) authentication.getPrincipal();
        var user = accounts.userById(pending.userId()).orElseThrow();
        String address = PasswordSignIn.clientAddress();
        try {
            throttle.before(user.email(), address);
        } catch (org.springframework.security.authentication.LockedException e) {
            request.getSession().invalidate();
            model.addAttribute("problem", e.getMessage());
            return "identity/login";
        }
        SecondFactor.Check check = secondFactor.check(user.id(), code, recoveryCode);
        if (check == SecondFactor.Check.ACCEPTED || check == SecondFactor.Check.RECOVERY_CODE_USED) {
            CurrentUser current = accounts.sessionUser(user, pending.workspaceId(), clock.instant()).orElseThrow();
            throttle.succeeded(user);
            if (check == SecondFactor.Check.RECOVERY_CODE_USED) {
                secondFactor.recoveryCodeUsed(current.workspaceId(), current.email());
            }
            sessions.signedIn(request, response, current, check == SecondFactor.Check.ACCEPTED ? "password and TOTP" : "password and a recovery code");
            return "redirect:/";
        }
        String why = check == SecondFactor.Check.REPLAYED ? "This code was already used. Wait for the next one."
                : recoveryCode != null && !recoveryCode.isBlank() ? "That recovery code is wrong or already used."
                : "That code is not right. Check your authenticator app's clock.";
        throttle.failed(user, user.email(), address, check == SecondFactor.Check.REPLAYED ? "replayed second-factor code"
                : recoveryCode != null && !recoveryCode.isBlank() ? "wrong recovery code" : "wrong second-factor code");
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        model.addAttribute("problem", why);
        return "identity/mfa-sign-in";
    }

    @GetMapping("/account/mfa")
    @RequiresPermission(Permission.ACCOUNT_SELF)
    String enrolment(CurrentUser user, Model model) {
        if (secondFactor.enabled(user.userId())) {
            model.addAttribute("enabled", true);
            model.addAttribute("recoveryCodesLeft", secondFactor.recoveryCodesLeft(user.userId()));
        } else {
            String secret = secondFactor.pendingSecret(user.userId());
            model.addAttribute("enabled", false);
            model.addAttribute("secret", secret);
            model.addAttribute("qrCode", SecondFactor.qrCode(SecondFactor.otpauthUri(user.email(), secret)));
        }
        return "identity/mfa";
    }

    @PostMapping("/account/mfa/confirm")
    @RequiresPermission(Permission.ACCOUNT_SELF)
    String confirm(CurrentUser user, @RequestParam(required = false) String code, Model model) {
        try {
            model.addAttribute("recoveryCodes", secondFactor.confirm(user, code));
        } catch (InvalidFieldException e) {
            model.addAttribute("errors", e.errors());
        }
        return enrolment(user, model);
    }

    @PostMapping("/account/mfa/recovery-codes")
    @RequiresPermission(Permission.ACCOUNT_SELF)
    String renew(CurrentUser user, Model model) {
        try {
            model.addAttribute("recoveryCodes", secondFactor.renewRecoveryCodes(user));
        } catch (InvalidFieldException e) {
            model.addAttribute("errors", e.errors());
        }
        return enrolment(user, model);
    }

    @PostMapping("/account/mfa/disable")
    @RequiresPermission(Permission.ACCOUNT_SELF)
    String disable(CurrentUser user, @RequestParam(required = false) String code, Model model) {
        try {
            secondFactor.disable(user, code);
            model.addAttribute("notice", "Two-step sign-in is off.");
        } catch (InvalidFieldException e) {
            model.addAttribute("errors", e.errors());
        }
        return enrolment(user, model);
    }

}
