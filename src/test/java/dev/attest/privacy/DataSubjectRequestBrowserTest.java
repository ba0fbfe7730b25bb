package dev.attest.privacy;

import dev.attest.support.AttestTest;
import dev.attest.support.Browser;
import dev.attest.support.MailAndClockTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** A data-subject request in Chromium: from the public form and its emailed link to its closure by staff. */
class DataSubjectRequestBrowserTest extends MailAndClockTest {

    private static final Pattern LINK = Pattern.compile("(http://\\S+/trust/privacy/request/confirm\\?token=[A-Za-z0-9_-]+)");

    WebDriver browser;

    @BeforeEach
    void open() {
        browser = Browser.start();
    }

    @AfterEach
    void close() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void aRequestFromThePublicFormIsVerifiedByEmailAndClosedByStaff() throws Exception {
        String base = "http://localhost:" + port;
        String email = "marie-" + UUID.randomUUID().toString().substring(0, 8) + "@example.net";
        WebDriverWait wait = Browser.waitOn(browser);

        browser.get(base + "/trust/privacy/request");
        new Select(browser.findElement(By.cssSelector("[data-testid=law]"))).selectByValue("gdpr");
        new Select(browser.findElement(By.cssSelector("[data-testid=type]"))).selectByValue("deletion");
        browser.findElement(By.cssSelector("[data-testid=name]")).sendKeys("Marie Curie");
        browser.findElement(By.cssSelector("[data-testid=email]")).sendKeys(email);
        browser.findElement(By.cssSelector("[data-testid=details]")).sendKeys("Please delete my newsletter account.");
        browser.findElement(By.cssSelector("[data-testid=submit]")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid=sent]")));

        MAIL.waitForIncomingEmail(5000, 1);
        Matcher link = LINK.matcher(body(mailTo(email).get(0)));
        assertThat(link.find()).isTrue();
        browser.get(link.group(1));
        browser.findElement(By.cssSelector("[data-testid=confirm]")).click();
        String reference = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid=reference]"))).getText();
        assertThat(reference).startsWith("DSR-");

        browser.get(base + "/login");
        browser.findElement(By.name("username")).sendKeys(AttestTest.ADMIN_EMAIL);
        browser.findElement(By.name("password")).sendKeys(AttestTest.ADMIN_PASSWORD);
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.urlToBe(base + "/"));

        browser.get(base + "/privacy");
        browser.findElement(By.cssSelector("tr[data-reference='" + reference + "'] a")).click();
        wait.until(ExpectedConditions.textToBe(By.cssSelector("[data-testid=subject-email]"), email));
        assertThat(browser.findElement(By.cssSelector("[data-testid=subject-name]")).getText()).isEqualTo("Marie Curie");

        browser.findElement(By.cssSelector("[data-testid=method]")).sendKeys("Email confirmed by link; matches the newsletter account");
        browser.findElement(By.cssSelector("[data-testid=verify]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[data-testid=identity]"), "verified"));

        browser.findElement(By.cssSelector("[data-testid=system]")).sendKeys("Newsletter");
        browser.findElement(By.cssSelector("[data-testid=add-task]")).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("[data-testid='complete-Newsletter']"))).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("tr[data-system=Newsletter]"), "admin@localhost"));

        browser.findElement(By.cssSelector("[data-testid=response-text]")).sendKeys("Your newsletter account and its data were deleted.");
        browser.findElement(By.cssSelector("[data-testid=respond]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[data-testid=response]"), "were deleted"));

        new Select(browser.findElement(By.cssSelector("[data-testid=outcome]"))).selectByValue("fulfilled");
        browser.findElement(By.cssSelector("[data-testid=close]")).click();
        wait.until(ExpectedConditions.textToBe(By.cssSelector("[data-testid=status]"), "closed (fulfilled)"));

        browser.get(base + "/privacy?status=closed");
        assertThat(browser.findElement(By.cssSelector("tr[data-reference='" + reference + "']")).getText()).contains("fulfilled");
    }
}
