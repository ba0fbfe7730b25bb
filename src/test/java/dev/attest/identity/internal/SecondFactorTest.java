package dev.attest.identity.internal;

import dev.attest.identity.Role;
import dev.attest.support.AttestTest;
import dev.attest.support.Browser;
import dev.attest.support.Http;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import java.time.Instant;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two-step sign-in with TOTP, as a person with an authenticator app meets it. The "app" here is
 * the RFC 6238 computation itself, fed the key shown on the enrolment page.
 */
@AttestTest
class SecondFactorTest {

    private static final Pattern SECRET = Pattern.compile("data-testid=\"totp-secret\">([A-Z2-7]+)<");
    private static final Pattern RECOVERY = Pattern.compile("<li><code>([a-z0-9-]{11})</code></li>");

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    /** The code an authenticator app shows a given number of 30-second steps from now. */
    private static String code(String secret, int stepsFromNow) {
        return Totp.code(secret, Totp.step(Instant.now()) + stepsFromNow);
    }

    private record Enrolled(TestAccounts.Account account, String secret, java.util.List<String> recoveryCodes) {
    }

    private Enrolled enrol(Role role) {
        var account = TestAccounts.member(context, role);
        Http session = Http.signedIn(port, account.email(), account.password());
        Matcher secret = SECRET.matcher(session.get("/account/mfa").body());
        assertThat(secret.find()).isTrue();
        Http.Response confirmed = session.postForm("/account/mfa", "/account/mfa/confirm", Map.of("code", code(secret.group(1), 0)), Map.of());
        assertThat(confirmed.body()).contains("data-testid=\"mfa-on\"", "Your recovery codes");
        Matcher codes = RECOVERY.matcher(confirmed.body());
        java.util.List<String> recovery = new java.util.ArrayList<>();
        while (codes.find()) {
            recovery.add(codes.group(1));
        }
        assertThat(recovery).hasSize(10);
        return new Enrolled(account, secret.group(1), recovery);
    }

    /** Signs in with the password only: the session then waits for the second factor. */
    private Http halfSignedIn(TestAccounts.Account account) {
        Http browser = Http.anonymous(port);
        Http.Response response = browser.postForm("/login", Map.of("username", account.email(), "password", account.password()));
        assertThat(response.header("Location")).endsWith("/login/mfa");
        return browser;
    }

    @Test
    void theEnrolmentPageShowsAQrCodeAndTheKey() {
        var account = TestAccounts.member(context, Role.VIEWER);
        Http.Response page = Http.signedIn(port, account.email(), account.password()).get("/account/mfa");

        assertThat(page.body()).contains("src=\"data:image/svg+xml;base64,", "data-testid=\"totp-secret\"");
        assertThat(SecondFactor.otpauthUri(account.email(), "ABC")).startsWith("otpauth://totp/Attest%3A").contains("issuer=Attest");
    }

    @Test
    void aPasswordAloneOpensNothingButTheCodePage() {
        Enrolled enrolled = enrol(Role.CONTROL_OWNER);
        Http browser = halfSignedIn(enrolled.account());

        assertThat(browser.get("/controls").header("Location")).endsWith("/login/mfa");
        assertThat(browser.get("/login/mfa").status()).isEqualTo(200);

        Http.Response done = browser.postForm("/login/mfa", Map.of("code", code(enrolled.secret(), 1)));
        assertThat(done.header("Location")).endsWith("/");
        assertThat(browser.get("/controls").status()).isEqualTo(200);
    }

    @Test
    void aCodeWorksOnceAndAWrongOneIsRefused() {
        Enrolled enrolled = enrol(Role.EMPLOYEE);
        String next = code(enrolled.secret(), 1);
        halfSignedIn(enrolled.account()).postForm("/login/mfa", Map.of("code", next));

        Http.Response replay = halfSignedIn(enrolled.account()).postForm("/login/mfa", Map.of("code", next));
        assertThat(replay.status()).isEqualTo(400);
        assertThat(replay.body()).contains("This code was already used");

        Http.Response wrong = halfSignedIn(enrolled.account()).postForm("/login/mfa", Map.of("code", "000000".equals(code(enrolled.secret(), 0)) ? "111111" : "000000"));
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.body()).contains("That code is not right");
        var log = Http.withToken(port, dev.attest.support.AttestTest.ADMIN_TOKEN)
                .get("/api/v1/audit-log?action=identity.sign-in-failed&actor=" + enrolled.account().email()).body();
        assertThat(log).contains("replayed second-factor code", "wrong second-factor code");
    }

    @Test
    void aRecoveryCodeWorksOnceAndAWrongOneIsRefused() {
        Enrolled enrolled = enrol(Role.VIEWER);
        String recovery = enrolled.recoveryCodes().get(3);

        Http first = halfSignedIn(enrolled.account());
        assertThat(first.postForm("/login/mfa", Map.of("recoveryCode", recovery)).header("Location")).endsWith("/");
        assertThat(first.get("/account/mfa").body()).contains("9</span> recovery codes left");

        Http.Response again = halfSignedIn(enrolled.account()).postForm("/login/mfa", Map.of("recoveryCode", recovery));
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.body()).contains("That recovery code is wrong or already used");
        assertThat(halfSignedIn(enrolled.account()).postForm("/login/mfa", Map.of("recoveryCode", "aaaaa-bbbbb")).status()).isEqualTo(400);
    }

    @Test
    void anAdminKeepsTheSecondFactorAndAWorkspaceCanRequireIt() {
        Enrolled admin = enrol(Role.ADMIN);
        Http adminSession = halfSignedIn(admin.account());
        adminSession.postForm("/login/mfa", Map.of("code", code(admin.secret(), 1)));
        Http.Response off = adminSession.postForm("/account/mfa", "/account/mfa/disable", Map.of("code", code(admin.secret(), -1)), Map.of());
        assertThat(off.body()).contains("an admin keeps two-step sign-in");

        var member = TestAccounts.member(context, Role.VIEWER);
        Http memberSession = Http.signedIn(port, member.email(), member.password());
        Http api = Http.withToken(port, dev.attest.support.AttestTest.ADMIN_TOKEN);
        assertThat(api.putJson("/api/v1/workspace/settings", "{\"requireMfa\":true}").status()).isEqualTo(200);
        try {
            Http.Response blocked = memberSession.get("/controls");
            assertThat(blocked.header("Location")).endsWith("/account/mfa?required");
            assertThat(memberSession.get("/account/mfa?required").body()).contains("Your workspace requires two-step sign-in");
        } finally {
            assertThat(api.putJson("/api/v1/workspace/settings", "{\"requireMfa\":false}").status()).isEqualTo(200);
        }
        assertThat(memberSession.get("/controls").status()).isEqualTo(200);
        assertThat(api.putJson("/api/v1/workspace/settings", "{\"requireMfa\":\"yes\"}").status()).isEqualTo(400);
    }

    @Test
    void inABrowserAMemberEnrolsTotpAndSignsInWithIt() {
        var account = TestAccounts.member(context, Role.COMPLIANCE_MANAGER);
        WebDriver browser = Browser.start();
        try {
            String base = "http://localhost:" + port;
            browser.get(base + "/login");
            browser.findElement(By.name("username")).sendKeys(account.email());
            browser.findElement(By.name("password")).sendKeys(account.password());
            browser.findElement(By.cssSelector("form[action='/login'] button")).click();
            // The sign-in post must have landed before the next page is asked for, or that page sends us back to sign in.
            new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(20))
                    .until(driver -> !driver.getCurrentUrl().contains("/login"));

            browser.get(base + "/account/mfa");
            assertThat(browser.findElement(By.cssSelector("img.qr")).getAttribute("src")).startsWith("data:image/svg+xml;base64,");
            String secret = browser.findElement(By.cssSelector("[data-testid=totp-secret]")).getText();
            browser.findElement(By.cssSelector("[data-testid=enrol-code]")).sendKeys(code(secret, 0));
            browser.findElement(By.cssSelector("form[action='/account/mfa/confirm'] button")).click();
            assertThat(browser.findElement(By.cssSelector("[data-testid=mfa-on]")).getText()).contains("Two-step sign-in is on");
            assertThat(browser.findElements(By.cssSelector("[data-testid=recovery-codes] li"))).hasSize(10);

            browser.findElement(By.cssSelector("form[action='/logout'] button")).click();
            browser.get(base + "/login");
            browser.findElement(By.name("username")).sendKeys(account.email());
            browser.findElement(By.name("password")).sendKeys(account.password());
            browser.findElement(By.cssSelector("form[action='/login'] button")).click();
            new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(10))
                    .until(org.openqa.selenium.support.ui.ExpectedConditions.urlMatches("/login/mfa$"));
            browser.findElement(By.cssSelector("[data-testid=mfa-code]")).sendKeys(code(secret, 1));
            browser.findElement(By.cssSelector("form[action='/login/mfa'] button")).click();

            assertThat(browser.findElement(By.cssSelector("[data-testid=whoami]")).getText()).isEqualTo(account.email());
        } finally {
            browser.quit();
        }
    }
}
