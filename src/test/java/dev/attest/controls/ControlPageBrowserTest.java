package dev.attest.controls;

import dev.attest.support.AttestTest;
import dev.attest.support.Browser;
import dev.attest.support.Http;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A control's page in Chromium: the file uploaded against it is listed with its validity, its monitors
 * show their state, and the status says which to believe when the implementation status and the tests
 * disagree.
 */
@AttestTest
class ControlPageBrowserTest {

    @LocalServerPort
    int port;

    WebDriver browser;

    @AfterEach
    void close() {
        if (browser != null) {
            browser.quit();
        }
    }

    private Http api() {
        return Http.withToken(port, AttestTest.ADMIN_TOKEN);
    }

    private void signIn(String base) {
        browser.get(base + "/login");
        browser.findElement(By.name("username")).sendKeys(AttestTest.ADMIN_EMAIL);
        browser.findElement(By.name("password")).sendKeys(AttestTest.ADMIN_PASSWORD);
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        Browser.waitOn(browser).until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
    }

    @Test
    void anUploadedFileAndAFailingCheckShowOnTheControlPageWithOneReconciledStatus() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        // AM-08: no check touches it, so the uploaded file alone makes it pass while it is still "not started".
        String title = "Media handling log " + suffix;
        Http.Response uploaded = api().postMultipart("/api/v1/evidence", Map.of("title", title, "controls", "AM-08"),
                "media-log.txt", ("media log " + suffix).getBytes(StandardCharsets.UTF_8));
        assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(201);

        // NS-05: implemented, yet a check of the workspace's own fails on a pushed resource.
        String type = "test.vpn" + suffix;
        String check = "vpn-mfa-" + suffix;
        assertThat(api().patchJson("/api/v1/controls/NS-05", "{\"status\":\"implemented\"}").status()).isEqualTo(200);
        Http.Response created = api().postJson("/api/v1/checks", """
                {"key": "%s", "title": "VPN requires MFA", "resourceType": "%s", "severity": "high",
                 "controls": ["NS-05"], "expression": "resource.mfa == true"}""".formatted(check, type));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        Http.Response pushed = api().postJson("/api/v1/resources", """
                {"source": "test", "resources": [{"type": "%s", "id": "gw-1", "data": {"mfa": false}}]}""".formatted(type));
        assertThat(pushed.status()).as(pushed.body()).isEqualTo(202);

        String detail = api().get("/api/v1/controls/NS-05").json().get("statusReason").asText();
        String today = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH).format(LocalDate.now(ZoneOffset.UTC));
        assertThat(detail).isEqualTo("Implemented, but 1 check failing since " + today);

        browser = Browser.start();
        String base = "http://localhost:" + port;
        signIn(base);

        browser.get(base + "/controls/AM-08");
        String evidence = Browser.waitOn(browser).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid=evidence]"))).getText();
        assertThat(evidence).contains(title).contains("upload").contains("yes");
        assertThat(browser.findElement(By.cssSelector("[data-testid=test-status]")).getText()).isEqualTo("Passing");
        assertThat(browser.findElement(By.cssSelector("[data-testid=status-reason]")).getText())
                .isEqualTo("Proven by fresh evidence, though its implementation status still says not started: update it");
        assertThat(browser.findElement(By.cssSelector("[data-testid=monitors]")).getText()).contains("freshness").contains("fresh");

        browser.get(base + "/controls/NS-05");
        String status = Browser.waitOn(browser).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid=status-reason]"))).getText();
        assertThat(status).isEqualTo("Implemented, but 1 check failing since " + today);
        assertThat(browser.findElement(By.cssSelector("[data-testid=test-status]")).getText()).isEqualTo("Failing");
        String monitors = browser.findElement(By.cssSelector("[data-testid=monitors]")).getText();
        assertThat(monitors).contains("VPN requires MFA").contains("failing since " + today);
        assertThat(browser.findElements(By.cssSelector("[data-testid=no-evidence]"))).hasSize(1);
    }
}
