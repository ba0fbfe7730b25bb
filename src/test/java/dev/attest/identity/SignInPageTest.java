package dev.attest.identity;

import dev.attest.support.AttestTest;
import dev.attest.support.Http;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** The sign-in page says only what happened: a single sign-on message only after that failure. */
@AttestTest
class SignInPageTest {

    @LocalServerPort
    int port;

    @Test
    void aPlainVisitShowsNoSingleSignOnError() {
        String page = Http.anonymous(port).get("/login").body();
        assertThat(page).doesNotContain("Single sign-on refused", "Single sign-on failed");
    }

    @Test
    void eachSingleSignOnOutcomeShowsOnlyItsOwnMessage() {
        String refused = Http.anonymous(port).get("/login?sso-refused").body();
        assertThat(refused).contains("Single sign-on refused").doesNotContain("Single sign-on failed");
        String failed = Http.anonymous(port).get("/login?sso-error").body();
        assertThat(failed).contains("Single sign-on failed").doesNotContain("Single sign-on refused");
    }
}
