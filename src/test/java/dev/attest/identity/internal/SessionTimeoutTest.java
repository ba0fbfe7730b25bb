package dev.attest.identity.internal;

import dev.attest.identity.CurrentUser;
import dev.attest.support.AttestTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.SecurityContextRepository;

import java.time.Clock;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The absolute session lifetime: however active, a session ends that long after sign-in. Driven
 * through the session check with a clock moved forward, since no test waits twelve hours.
 */
@AttestTest
class SessionTimeoutTest {

    @Autowired
    AccountStore accounts;

    @Autowired
    SecurityContextRepository contexts;

    @Autowired
    Clock clock;

    @AfterEach
    void clear() {
        SecurityContextHolder.clearContext();
    }

    private MockHttpServletResponse requestAfter(Duration elapsed) throws Exception {
        var stored = accounts.userByEmail(AttestTest.ADMIN_EMAIL).orElseThrow();
        CurrentUser user = accounts.sessionUser(stored, clock.instant()).orElseThrow();
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/controls");
        request.getSession(true).setAttribute(SessionCheck.SIGNED_IN_AT, clock.instant());
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, Authorities.of(user)));
        MockHttpServletResponse response = new MockHttpServletResponse();
        Clock later = Clock.offset(clock, elapsed);
        new SessionCheck(accounts, contexts, later, Duration.ofHours(12)).doFilter(request, response, new MockFilterChain());
        return response;
    }

    @Test
    void aSessionEndsTwelveHoursAfterSignInHoweverActive() throws Exception {
        assertThat(requestAfter(Duration.ofHours(11)).getRedirectedUrl()).isNull();
        assertThat(requestAfter(Duration.ofHours(12).plusMinutes(1)).getRedirectedUrl()).isEqualTo("/login?expired");
    }
}
