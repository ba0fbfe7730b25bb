package dev.attest.identity;

import dev.attest.identity.internal.TestAccounts;
import dev.attest.support.AttestTest;
import dev.attest.support.Http;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Brute force: failures slow sign-in down, then lock the account with a clear message; an admin unlocks.
 * Parallel guesses cannot race past the limit, and an unknown email is answered exactly like a known one.
 */
@AttestTest
class SignInProtectionTest {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    private Http.Response attempt(String email, String password) {
        return Http.anonymous(port).postForm("/login", Map.of("username", email, "password", password));
    }

    @Test
    void repeatedFailuresSlowDownThenLockTheAccountUntilAnAdminUnlocksIt() {
        var member = TestAccounts.member(context, Role.EMPLOYEE);
        for (int i = 0; i < 3; i++) {
            assertThat(attempt(member.email(), "wrong password " + i).header("Location")).endsWith("/login?error");
        }
        long start = System.nanoTime();
        attempt(member.email(), "wrong password 4");
        assertThat((System.nanoTime() - start) / 1_000_000).as("the fourth failure is slowed down").isGreaterThanOrEqualTo(450);
        Http.Response fifth = attempt(member.email(), "wrong password 5");
        assertThat(fifth.header("Location")).endsWith("/login?error");

        Http browser = Http.anonymous(port);
        Http.Response locked = browser.postForm("/login", Map.of("username", member.email(), "password", member.password()));
        assertThat(locked.header("Location")).endsWith("/login?locked");
        assertThat(browser.get("/login?locked").body()).contains("This account is locked after too many failed sign-ins", "ask an admin");

        Http admin = Http.withToken(port, AttestTest.ADMIN_TOKEN);
        assertThat(admin.get("/api/v1/members/" + member.userId()).json().get("lockedUntil").isNull()).isFalse();
        assertThat(admin.get("/api/v1/audit-log?action=identity.account-locked&target=user:" + member.email()).json().get("total").asLong())
                .isEqualTo(1);
        assertThat(admin.postJson("/api/v1/members/" + member.userId() + "/unlock", "").status()).isEqualTo(200);

        Http.signedIn(port, member.email(), member.password());
        assertThat(admin.get("/api/v1/audit-log?action=identity.account-unlocked&target=user:" + member.email()).json().get("total").asLong())
                .isEqualTo(1);
    }

    @Test
    void aDeactivatedMemberIsToldSo() {
        var member = TestAccounts.member(context, Role.VIEWER);
        Http.withToken(port, AttestTest.ADMIN_TOKEN).postJson("/api/v1/members/" + member.userId() + "/deactivate", "");

        Http browser = Http.anonymous(port);
        Http.Response refused = browser.postForm("/login", Map.of("username", member.email(), "password", member.password()));

        assertThat(refused.header("Location")).endsWith("/login?disabled");
        assertThat(browser.get("/login?disabled").body()).contains("deactivated");
    }

    @Test
    void anUnknownEmailGetsTheSameAnswerAsAWrongPassword() {
        Http.Response unknown = attempt("nobody-" + System.nanoTime() + "@example.test", "whatever password");

        assertThat(unknown.header("Location")).endsWith("/login?error");
    }

    @Test
    void twentyFiveParallelWrongPasswordsLockTheAccountOnce() throws Exception {
        var member = TestAccounts.member(context, Role.EMPLOYEE);
        ExecutorService pool = Executors.newFixedThreadPool(25);
        try {
            List<Future<Http.Response>> attempts = new ArrayList<>();
            for (int i = 0; i < 25; i++) {
                String guess = "parallel guess " + i;
                attempts.add(pool.submit(() -> attempt(member.email(), guess)));
            }
            for (var f : attempts) {
                assertThat(f.get().status()).isEqualTo(302);
            }
        } finally {
            pool.shutdownNow();
        }

        Http.Response rightPassword = attempt(member.email(), member.password());
        assertThat(rightPassword.header("Location")).as("the account is locked even for the right password").endsWith("/login?locked");
        Http admin = Http.withToken(port, AttestTest.ADMIN_TOKEN);
        assertThat(admin.get("/api/v1/audit-log?action=identity.account-locked&target=user:" + member.email()).json().get("total").asLong())
                .as("one lock, announced once").isEqualTo(1);
        assertThat(admin.get("/api/v1/audit-log?action=identity.sign-in-failed&target=user:" + member.email()).json().get("total").asLong())
                .as("every failure that got past the lock check is in the audit trail").isGreaterThanOrEqualTo(5);
    }

    @Test
    void anUnknownEmailIsSlowedDownAndLockedExactlyLikeAKnownOne() {
        var member = TestAccounts.member(context, Role.EMPLOYEE);
        String unknown = "ghost-" + System.nanoTime() + "@example.test";

        List<String> known = answers(member.email());
        List<String> stranger = answers(unknown);

        assertThat(stranger).isEqualTo(known);
        assertThat(known.get(known.size() - 1)).startsWith("/login?locked").contains("This account is locked after too many failed sign-ins");
    }

    /** Five wrong passwords then a sixth attempt: where each was sent, whether the fourth was slowed, and the locked page's text. */
    private List<String> answers(String email) {
        List<String> seen = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            long start = System.nanoTime();
            String location = attempt(email, "wrong password " + i).header("Location");
            boolean slowed = (System.nanoTime() - start) / 1_000_000 >= 450;
            seen.add(location.substring(location.indexOf("/login")) + (i >= 4 ? " slowed=" + slowed : ""));
        }
        Http browser = Http.anonymous(port);
        String location = browser.postForm("/login", Map.of("username", email, "password", "wrong password 6")).header("Location");
        String page = browser.get("/login?locked").body();
        String problem = page.replaceAll("(?s).*(This account is locked[^<]*).*", "$1").replaceAll("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}", "TIME");
        seen.add(location.substring(location.indexOf("/login")) + " " + problem);
        return seen;
    }
}
