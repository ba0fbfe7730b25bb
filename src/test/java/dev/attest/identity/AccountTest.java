package dev.attest.identity;

import dev.attest.identity.internal.TestAccounts;
import dev.attest.support.AttestTest;
import dev.attest.support.Http;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** One's own account: a password that must be strong, sign-out everywhere, and the session cookie. */
@AttestTest
class AccountTest {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    private Http.Response change(Http session, String current, String password, String confirm) {
        return session.postForm("/account", "/account/password", Map.of("current", current, "password", password, "confirm", confirm), Map.of());
    }

    @Test
    void aWeakOrMistypedNewPasswordIsRefusedWithTheReason() {
        var member = TestAccounts.member(context, Role.EMPLOYEE);
        Http session = Http.signedIn(port, member.email(), member.password());

        assertThat(change(session, member.password(), "short", "short").body()).contains("password: must be at least 12 characters");
        assertThat(change(session, member.password(), "Password1234", "Password1234").body()).contains("most common passwords");
        assertThat(change(session, member.password(), "qwertyuiop123", "qwertyuiop123").body()).contains("most common passwords");
        assertThat(change(session, member.password(), "a fine long passphrase", "a fine long passphrase!").body())
                .contains("confirm: does not match");
        assertThat(change(session, "not my password", "a fine long passphrase", "a fine long passphrase").body())
                .contains("current: is not your current password");
        Http.signedIn(port, member.email(), member.password());
    }

    @Test
    void changingThePasswordEndsTheOtherSessionsButNotThisOne() {
        var member = TestAccounts.member(context, Role.EMPLOYEE);
        Http here = Http.signedIn(port, member.email(), member.password());
        Http elsewhere = Http.signedIn(port, member.email(), member.password());

        Http.Response changed = change(here, member.password(), "tangerine kayak window 9", "tangerine kayak window 9");

        assertThat(changed.body()).contains("Your password is changed");
        assertThat(here.get("/account").status()).isEqualTo(200);
        assertThat(elsewhere.get("/account").header("Location")).endsWith("/login?ended");
        Http.signedIn(port, member.email(), "tangerine kayak window 9");
        assertThat(Http.anonymous(port).postForm("/login", Map.of("username", member.email(), "password", member.password()))
                .header("Location")).endsWith("/login?error");
        assertThat(Http.withToken(port, AttestTest.ADMIN_TOKEN).get("/api/v1/audit-log?action=identity.password-changed&actor=" + member.email())
                .json().get("total").asLong()).isEqualTo(1);
    }

    @Test
    void signingOutEverywhereEndsEverySession() {
        var member = TestAccounts.member(context, Role.VIEWER);
        Http one = Http.signedIn(port, member.email(), member.password());
        Http two = Http.signedIn(port, member.email(), member.password());

        Http.Response out = one.postForm("/account", "/account/sessions/end", Map.of(), Map.of());

        assertThat(out.header("Location")).endsWith("/login?signedOut");
        assertThat(one.get("/account").header("Location")).endsWith("/login");
        assertThat(two.get("/account").header("Location")).endsWith("/login?ended");
    }

    @Test
    void theSessionCookieIsHttpOnlyAndSameSiteAndChangesAtSignIn() {
        Http browser = Http.anonymous(port);
        Http.Response page = browser.get("/login");
        String before = page.header("Set-Cookie");
        Http.Response signIn = browser.postForm("/login", Map.of("username", AttestTest.ADMIN_EMAIL, "password", AttestTest.ADMIN_PASSWORD));
        String after = signIn.header("Set-Cookie");

        assertThat(after).contains("SESSION=", "HttpOnly", "SameSite=Lax");
        assertThat(after.split(";")[0]).isNotEqualTo(before.split(";")[0]);
        assertThat(page.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(page.header("Referrer-Policy")).isNotEmpty();
        assertThat(page.header("Strict-Transport-Security")).as("HSTS only over TLS").isEmpty();
    }
}
