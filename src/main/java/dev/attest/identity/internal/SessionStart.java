package dev.attest.identity.internal;

import dev.attest.identity.CurrentUser;
import dev.attest.identity.SignInSucceeded;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import lombok.RequiredArgsConstructor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;

import java.time.Clock;

/** Puts a principal into the session: on sign-in, after a second factor, on a workspace switch. */
@Component
@RequiredArgsConstructor
class SessionStart {

    private final SecurityContextRepository contexts;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    /** A completed sign-in: a fresh session id, the sign-in time for the timeouts, and an audit record. */
    void signedIn(HttpServletRequest request, HttpServletResponse response, CurrentUser user, String method) {
        request.getSession(true);
        request.changeSessionId();
        use(request, response, user);
        request.getSession().setAttribute(SessionCheck.SIGNED_IN_AT, clock.instant());
        events.publishEvent(new SignInSucceeded(user.workspaceId(), user.email(), method));
    }

    /** Replaces the session's principal, keeping its sign-in time. */
    void use(HttpServletRequest request, HttpServletResponse response, CurrentUser user) {
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, Authorities.of(user)));
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
    }
}
