package dev.attest.identity.internal;

import dev.attest.identity.CurrentUser;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;

import java.io.IOException;

/** After a good password: record the sign-in on the session and in the audit trail, then go on. */
class SignInSuccess extends SavedRequestAwareAuthenticationSuccessHandler {

    private final SessionStart sessions;

    SignInSuccess(SessionStart sessions) {
        this.sessions = sessions;
        setDefaultTargetUrl("/");
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response, Authentication authentication)
            throws ServletException, IOException {
        if (authentication.getPrincipal() instanceof SecondFactorPending) {
            getRedirectStrategy().sendRedirect(request, response, "/login/mfa");
            return;
        }
        if (authentication.getPrincipal() instanceof CurrentUser user) {
            sessions.signedIn(request, response, user, "password");
        }
        super.onAuthenticationSuccess(request, response, authentication);
    }
}
