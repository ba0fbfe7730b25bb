package dev.attest.identity.internal;

import jakarta.servlet.http.HttpSession;
import lombok.RequiredArgsConstructor;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.WebAttributes;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
@RequiredArgsConstructor
class LoginController {

    private final SsoProperties sso;

    @GetMapping("/login")
    @org.springframework.security.access.prepost.PreAuthorize("permitAll()")
    String login(Authentication authentication, HttpSession session, Model model) {
        model.addAttribute("sso", sso.enabled());
        if (authentication != null && authentication.isAuthenticated() && !(authentication instanceof AnonymousAuthenticationToken)) {
            return "redirect:/";
        }
        if (session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION) instanceof AuthenticationException e) {
            // Only lock and deactivation messages are specific; a wrong password stays generic.
            if (!(e instanceof org.springframework.security.authentication.BadCredentialsException)) {
                model.addAttribute("problem", e.getMessage());
            }
        }
        return "identity/login";
    }
}
