package dev.attest.controls;

import dev.attest.support.AttestTest;
import dev.attest.support.Browser;
import dev.attest.support.ExtraAccounts;
import dev.attest.support.Http;
import dev.attest.support.MailAndClockTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The attestation card and the history on a control's page in Chromium: the owner attests with a
 * comment (htmx), sees who attested when and the attestation in the history; once the control has
 * another owner, the same form answers with the refusal as its message, and the card says who may attest.
 */
class ControlAttestationBrowserTest extends MailAndClockTest {

    private static final Path SHOTS = Path.of("target", "screenshots", "control-attestation");

    WebDriver browser;

    @AfterEach
    void close() {
        if (browser != null) {
            browser.quit();
        }
    }

    private void shot(String name) throws IOException {
        Files.createDirectories(SHOTS);
        Files.write(SHOTS.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }

    @Test
    void theOwnerAttestsOnThePageAndAnyoneElseIsToldWhoMay() throws IOException {
        ExtraAccounts.Account owner = ExtraAccounts.inDefaultWorkspace(jdbc, "control_owner");
        Http admin = Http.withToken(port, AttestTest.ADMIN_TOKEN);
        assertThat(admin.patchJson("/api/v1/controls/DP-12", "{\"owner\":\"" + owner.email() + "\"}").status()).isEqualTo(200);

        browser = Browser.start();
        String base = "http://localhost:" + port;
        browser.get(base + "/login");
        browser.findElement(By.name("username")).sendKeys(owner.email());
        browser.findElement(By.name("password")).sendKeys(ExtraAccounts.PASSWORD);
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        Browser.waitOn(browser).until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));

        browser.get(base + "/controls/DP-12");
        Browser.waitOn(browser).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid=never-attested]")));
        assertThat(browser.findElement(By.cssSelector("[data-testid=history]")).getText()).contains("owner nobody -> " + owner.email());
        shot("1-owner-before");

        // A blank comment is a field error; the card stays in place (htmx swapped only the card).
        browser.findElement(By.cssSelector("[data-testid=attest]")).click();
        String error = Browser.waitOn(browser).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid=comment-error]"))).getText();
        assertThat(error).contains("say how you know");

        browser.findElement(By.cssSelector("[data-testid=attest-comment]")).sendKeys("Witnessed the shredding contractor's pickup, certificate filed");
        browser.findElement(By.cssSelector("[data-testid=attest]")).click();
        Browser.waitOn(browser).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid=attested]")));
        assertThat(browser.findElement(By.cssSelector("[data-testid=last-attestation]")).getText())
                .contains("Last attested by " + owner.email()).contains("(it still counts)");
        shot("2-owner-attested");

        browser.navigate().refresh();
        Browser.waitOn(browser).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid=last-attestation]")));
        assertThat(browser.findElement(By.cssSelector("[data-testid=history]")).getText()).contains("attested: Attestation of DP-12 by " + owner.email());
        assertThat(browser.findElement(By.cssSelector("[data-testid=evidence]")).getText()).contains("attestation");

        // The admin hands the control to someone else while the form is still open: posting it is refused on the form.
        assertThat(admin.patchJson("/api/v1/controls/DP-12", "{\"owner\":\"" + AttestTest.ADMIN_EMAIL + "\"}").status()).isEqualTo(200);
        browser.findElement(By.cssSelector("[data-testid=attest-comment]")).sendKeys("Once more");
        browser.findElement(By.cssSelector("[data-testid=attest]")).click();
        String refused = Browser.waitOn(browser).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid=attest-error]"))).getText();
        assertThat(refused).contains("Only the owner of DP-12 (" + AttestTest.ADMIN_EMAIL + ") can attest to it");
        assertThat(browser.findElements(By.cssSelector("[data-testid=attest]"))).isEmpty();
        shot("3-former-owner-refused");

        browser.navigate().refresh();
        Browser.waitOn(browser).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid=attestation]")));
        assertThat(browser.findElement(By.cssSelector("[data-testid=who-attests]")).getText())
                .isEqualTo("Only its owner, " + AttestTest.ADMIN_EMAIL + ", can attest.");
        assertThat(browser.findElement(By.cssSelector("[data-testid=last-attestation]")).getText()).contains("Last attested by " + owner.email());
        assertThat(browser.findElements(By.cssSelector("[data-testid=attest]"))).isEmpty();
        shot("4-former-owner-reads");

        // Without htmx the refusal is a 403 page carrying the same message.
        Http.Response plain = Http.signedIn(port, owner.email(), ExtraAccounts.PASSWORD)
                .postForm("/controls/DP-12", "/evidence/attestations", Map.of("control", "DP-12", "comment", "again"), Map.of());
        assertThat(plain.status()).isEqualTo(403);
        assertThat(plain.body()).contains("Only the owner of DP-12").contains("<html");
    }
}
