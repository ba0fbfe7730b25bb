package dev.attest.identity.internal;

import dev.attest.identity.CurrentUser;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Puts the signed-in user on every page's model as {@code currentUser}, for the page header. */
@ControllerAdvice(annotations = org.springframework.stereotype.Controller.class)
class CurrentUserModel {

    @ModelAttribute("currentUser")
    CurrentUser currentUser() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof CurrentUser user ? user : null;
    }
}
