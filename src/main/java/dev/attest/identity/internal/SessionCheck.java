package dev.attest.identity.internal;

import dev.attest.identity.CurrentUser;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import lombok.RequiredArgsConstructor;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Checks a signed-in session against the database on every request, so that what an admin or the
 * user decides takes effect at once: a deactivated or expired membership, a disabled account, a
 * sign-out everywhere or a password change ends the session; a changed role applies on the next
 * request. Sessions also end after an absolute lifetime, however active they are.
 */
@RequiredArgsConstructor
class SessionCheck extends OncePerRequestFilter {

    /** The session attribute holding when the session's user signed in. */
    static final String SIGNED_IN_AT = "attest.signedInAt";

    private final AccountStore accounts;
    private final SecurityContextRepository contexts;
    private final Clock clock;
    private final Duration absoluteTimeout;

    /** Where a member who must enrol a second factor may still go. */
    private static boolean enrolmentPath(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/account/mfa") || path.equals("/logout") || path.startsWith("/css/") || path.startsWith("/webjars/")
                || path.startsWith("/js/") || path.equals("/error");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        HttpSession session = request.getSession(false);
        if (session == null || authentication == null || !(authentication.getPrincipal() instanceof CurrentUser user)
                || user.tokenId() != null || user.userId() == null) {
            chain.doFilter(request, response);
            return;
        }
        Instant now = clock.instant();
        Instant signedInAt = (Instant) session.getAttribute(SIGNED_IN_AT);
        var state = accounts.sessionState(user.userId(), user.workspaceId().value(), now).orElse(null);
        String ended = null;
        if (signedInAt == null || !signedInAt.plus(absoluteTimeout).isAfter(now)) {
            ended = "expired";
        } else if (state == null || !state.enabled() || !state.active()
                || (state.sessionsValidAfter() != null && signedInAt.isBefore(state.sessionsValidAfter()))) {
            ended = "ended";
        }
        if (ended != null) {
            session.invalidate();
            SecurityContextHolder.clearContext();
            String target = request.getContextPath() + "/login?" + ended;
            if ("true".equals(request.getHeader("HX-Request"))) {
                response.setHeader("HX-Redirect", target);
                response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            } else {
                response.sendRedirect(target);
            }
            return;
        }
        if (state.requireMfa() && !state.mfaEnrolled() && !enrolmentPath(request)) {
            response.sendRedirect(request.getContextPath() + "/account/mfa?required");
            return;
        }
        if (state.role() != user.role() || !state.workspaceName().equals(user.workspaceName())) {
            CurrentUser refreshed = new CurrentUser(user.userId(), user.email(), user.displayName(), user.workspaceId(),
                    state.workspaceName(), state.role(), state.role().permissions(), null);
            var context = SecurityContextHolder.createEmptyContext();
            context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(refreshed, null, Authorities.of(refreshed)));
            SecurityContextHolder.setContext(context);
            contexts.saveContext(context, request, response);
        }
        chain.doFilter(request, response);
    }
}
