package dev.attest.people;

import dev.attest.support.AttestTest;
import dev.attest.support.Browser;
import dev.attest.support.Http;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** An employee in Chromium: signs in, reads a policy, accepts it, and uploads a training certificate. */
@AttestTest
class PortalBrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PasswordEncoder passwords;

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
    void anEmployeeAcceptsAPolicyInThePortal() throws Exception {
        Http api = Http.withToken(port, AttestTest.ADMIN_TOKEN);
        String run = UUID.randomUUID().toString().substring(0, 8);
        String policy = api.postJson("/api/v1/policies", "{\"template\":\"acceptable-use\"}").json().get("id").asString();
        // These tests play author and approver alike; the four-eyes rule has its own test (PoliciesApiTest).
        Http.withToken(port, AttestTest.ADMIN_TOKEN).putJson("/api/v1/policies/settings", "{\"separate_approver\":\"false\"}");
        for (String action : new String[]{"submit", "approve", "publish"}) {
            api.postJson("/api/v1/policies/" + policy + "/versions/1/" + action, "");
        }
        String email = "browser." + run + "@example.test";
        api.postJson("/api/v1/people", "{\"name\":\"Bea Browser\",\"email\":\"" + email + "\",\"requiredPolicies\":[\"" + policy + "\"]}");
        new Members(jdbc, passwords).add(email, "employee-password-4", "employee");

        String base = "http://localhost:" + port;
        browser.get(base + "/login");
        browser.findElement(By.name("username")).sendKeys(email);
        browser.findElement(By.name("password")).sendKeys("employee-password-4");
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        WebDriverWait wait = Browser.waitOn(browser);
        wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));

        browser.get(base + "/portal");
        browser.findElement(By.cssSelector("li[data-policy='" + policy + "'] [data-testid=read]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Acceptable Use Policy"));
        browser.findElement(By.cssSelector("[data-testid=accept]")).click();

        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[data-testid=message]"), "You accepted Acceptable Use Policy"));
        assertThat(browser.findElement(By.cssSelector("li[data-policy='" + policy + "'] [data-testid=accepted]")).getText()).startsWith("Accepted");

        Path certificate = Files.createTempFile("certificate", ".pdf");
        Files.writeString(certificate, "%PDF-1.4 certificate of completion");
        browser.findElement(By.name("certificate")).sendKeys(certificate.toString());
        browser.findElement(By.cssSelector("[data-testid=record-training]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[data-testid=message]"), "Training recorded."));
        assertThat(browser.getPageSource()).contains("certificate: " + certificate.getFileName());
    }
}
