package dev.attest.identity.internal;

import dev.attest.identity.Permission;
import dev.attest.identity.RequiresPermission;
import dev.attest.identity.CurrentUser;
import dev.attest.web.InvalidFieldException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import lombok.RequiredArgsConstructor;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Following an invitation link (public: the invitee has no session yet), and the invite form on
 * the members page.
 */
@Controller
@RequiredArgsConstructor
class InvitationPages {

    private final Invitations invitations;
    private final SessionStart sessions;
    private final MemberForms forms;

    @GetMapping("/invitations/{token}")
    @PreAuthorize("permitAll()")
    String show(@PathVariable String token, Model model, HttpServletResponse response) {
        try {
            model.addAttribute("offer", invitations.offer(token));
        } catch (Invitations.Unusable e) {
            response.setStatus(HttpStatus.GONE.value());
            model.addAttribute("unusable", e.getMessage());
        }
        model.addAttribute("token", token);
        return "identity/invitation";
    }

    @PostMapping("/invitations/{token}")
    @PreAuthorize("permitAll()")
    String accept(@PathVariable String token, @RequestParam(required = false) String displayName,
                  @RequestParam(required = false) String password, @RequestParam(required = false) String confirm,
                  HttpServletRequest request, HttpServletResponse response, Model model) {
        try {
            CurrentUser user = invitations.accept(token, displayName, password, confirm);
            sessions.signedIn(request, response, user, "invitation");
            return "redirect:/account";
        } catch (Invitations.Unusable e) {
            response.setStatus(HttpStatus.GONE.value());
            model.addAttribute("unusable", e.getMessage());
        } catch (InvalidFieldException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("errors", e.errors());
            model.addAttribute("offer", invitations.offer(token));
        }
        model.addAttribute("token", token);
        return "identity/invitation";
    }

    @PostMapping("/members/invite")
    @RequiresPermission(Permission.WORKSPACE_ADMIN)
    String invite(CurrentUser user, @RequestParam(required = false) String email, @RequestParam(required = false) String role,
                  org.springframework.web.servlet.mvc.support.RedirectAttributes redirect) {
        try {
            Invitations.Pending invited = invitations.invite(user, forms.invitation(email, role));
            if (invited.link() != null) {
                redirect.addFlashAttribute("invitationLink", invited.link());
                redirect.addFlashAttribute("invitedEmail", invited.email());
                return "redirect:/members?invitedWithoutMail";
            }
            return "redirect:/members?invited";
        } catch (InvalidFieldException e) {
            return "redirect:/members?inviteError=" + java.net.URLEncoder.encode(String.join("; ", e.errors().values()),
                    java.nio.charset.StandardCharsets.UTF_8);
        } catch (Invitations.MailFailed e) {
            return "redirect:/members?inviteError=" + java.net.URLEncoder.encode(e.getMessage(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }
}
