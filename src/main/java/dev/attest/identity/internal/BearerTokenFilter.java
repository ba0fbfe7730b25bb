package dev.attest.identity.internal;

import dev.attest.identity.CurrentUser;
import dev.attest.identity.UnattributedSignInFailed;
import lombok.RequiredArgsConstructor;
import org.springframework.context.ApplicationEventPublisher;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.time.Clock;

/** Authenticates {@code Authorization: Bearer <token>} on the API; a bad token is a 401, never a pass-through. */
@RequiredArgsConstructor
class BearerTokenFilter extends OncePerRequestFilter {

    private final TokenStore tokens;
    private final AuthenticationEntryPoint entryPoint;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    /** A refused token is recorded (outside any workspace: a refused token names none we may trust). */
    private void refused(String why) {
        events.publishEvent(new UnattributedSignInFailed("anonymous", "identity.token-refused", "token:unknown", why));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header == null) {
            chain.doFilter(request, response);
            return;
        }
        if (!header.regionMatches(true, 0, "Bearer ", 0, 7) || header.length() <= 7) {
            refused("malformed Authorization header");
            entryPoint.commence(request, response, new BadCredentialsException("The Authorization header must be 'Bearer <token>'"));
            return;
        }
        String token = header.substring(7).strip();
        var now = clock.instant();
        CurrentUser user = tokens.actor(TokenHash.of(token), now).orElse(null);
        if (user == null) {
            refused("unknown, expired or revoked token");
            entryPoint.commence(request, response, new BadCredentialsException("The token is unknown, expired or revoked"));
            return;
        }
        tokens.touch(user.tokenId(), now);
        var authentication = UsernamePasswordAuthenticationToken.authenticated(user, null, Authorities.of(user));
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication);
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
