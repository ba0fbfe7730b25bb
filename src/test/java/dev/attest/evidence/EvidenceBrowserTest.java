package dev.attest.evidence;

import dev.attest.support.AttestTest;
import dev.attest.support.Browser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** A person in Chromium: uploads a file on the evidence page, finds it listed, and verifies the ledger in place. */
@AttestTest
class EvidenceBrowserTest {

    @LocalServerPort
    int port;

    @TempDir
    Path folder;

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
    void uploadThenVerifyTheLedgerWithoutLeavingThePage() throws Exception {
        String base = "http://localhost:" + port;
        String title = "Backup restore test " + UUID.randomUUID().toString().substring(0, 8);
        Path file = Files.writeString(folder.resolve("restore-log.txt"), "restored " + UUID.randomUUID());

        browser.get(base + "/evidence");
        browser.findElement(By.name("username")).sendKeys(AttestTest.ADMIN_EMAIL);
        browser.findElement(By.name("password")).sendKeys(AttestTest.ADMIN_PASSWORD);
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        WebDriverWait wait = Browser.waitOn(browser);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid=upload]")));

        browser.findElement(By.cssSelector("[data-testid=upload] input[name=file]")).sendKeys(file.toString());
        browser.findElement(By.cssSelector("[data-testid=upload] input[name=title]")).sendKeys(title);
        browser.findElement(By.cssSelector("[data-testid=upload] input[name=controls]")).sendKeys("AC-06");
        browser.findElement(By.cssSelector("[data-testid=upload] button[type=submit]")).click();

        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid=added]")));
        assertThat(browser.findElement(By.cssSelector("[data-testid=evidence]")).getText()).contains(title).contains("AC-06");

        String url = browser.getCurrentUrl();
        browser.findElement(By.cssSelector("[data-testid=verify-now]")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#verification [data-testid=ledger-valid]")));
        assertThat(browser.getCurrentUrl()).as("htmx swapped the result into the page").isEqualTo(url);
    }
}
