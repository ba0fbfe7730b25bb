package dev.attest.identity.internal;

import dev.attest.identity.CurrentUser;
import lombok.RequiredArgsConstructor;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import java.time.Clock;
import java.util.List;

/**
 * Puts the signed-in user on every page's model as {@code currentUser}, for the page header, and
 * the workspaces they may switch to as {@code workspaces}.
 */
@ControllerAdvice(annotations = org.springframework.stereotype.Controller.class)
@RequiredArgsConstructor
class CurrentUserModel {

    private final AccountStore accounts;
    private final Clock clock;

    @ModelAttribute("currentUser")
    CurrentUser currentUser() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof CurrentUser user ? user : null;
    }

    @ModelAttribute("workspaces")
    List<AccountStore.WorkspaceChoice> workspaces() {
        CurrentUser user = currentUser();
        return user == null || user.userId() == null ? List.of() : accounts.workspacesOf(user.userId(), clock.instant());
    }
}
