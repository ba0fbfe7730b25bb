package dev.attest.monitoring;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.attest.support.AttestTest;
import dev.attest.support.Browser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.KeyPair;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A person in Chromium connects a GitHub App (private key pasted) and a Google Workspace (key file
 * uploaded) through the connection form, choosing the kind to get its fields, and sees each run succeed
 * against a local server answering as the providers do. Screenshots go to target/screenshots/connection-form.
 */
@AttestTest
class ConnectionFormBrowserTest {

    static WireMockServer server;

    @LocalServerPort
    int port;

    @TempDir
    Path folder;

    WebDriver browser;

    @BeforeAll
    static void startProviders() {
        server = ProviderFixtures.start();
    }

    @AfterAll
    static void stopProviders() {
        server.stop();
    }

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

    private String providers() {
        return "http://127.0.0.1:" + server.port();
    }

    @Test
    void aGitHubAppAndAGoogleWorkspaceAreConnectedThroughTheFormAndTheirRunsSucceed() throws Exception {
        String org = "form-" + ProviderFixtures.suffix();
        server.stubFor(get(urlPathEqualTo("/orgs/" + org)).willReturn(okJson("""
                {"login": "%s", "id": 5, "two_factor_requirement_enabled": true, "default_repository_permission": "read"}""".formatted(org))));
        server.stubFor(get(urlPathMatching("/orgs/" + org + "/.+")).willReturn(okJson("[]")));
        server.stubFor(post(urlPathEqualTo("/app/installations/7007/access_tokens")).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody("{\"token\": \"ghs_from_form\", \"expires_at\": \"2099-01-01T00:00:00Z\"}")));
        String domain = "f" + ProviderFixtures.suffix() + ".example";
        server.stubFor(post(urlPathEqualTo("/form-token")).willReturn(okJson("{\"access_token\": \"ya29.form\", \"expires_in\": 3599}")));
        server.stubFor(get(urlPathEqualTo("/admin/directory/v1/users")).willReturn(okJson("""
                {"users": [{"id": "1", "primaryEmail": "root@%1$s", "isAdmin": true, "isEnrolledIn2Sv": true, "isEnforcedIn2Sv": true,
                            "creationTime": "2023-01-01T00:00:00.000Z"}]}""".formatted(domain))));
        server.stubFor(get(urlPathMatching("/admin/reports/v1/.*")).willReturn(okJson("{\"usageReports\": []}")));

        String base = "http://localhost:" + port;
        browser.get(base + "/monitoring/connections");
        browser.findElement(By.name("username")).sendKeys(AttestTest.ADMIN_EMAIL);
        browser.findElement(By.name("password")).sendKeys(AttestTest.ADMIN_PASSWORD);
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        WebDriverWait wait = Browser.waitOn(browser);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid=choose-kind]")));

        KeyPair appKey = ProviderFixtures.rsa();
        choose(wait, "github");
        fill("name", "GitHub App " + org);
        fill("target", providers() + "/orgs/" + org);
        fill("secrets.appId", "4711");
        fill("secrets.installationId", "7007");
        fill("secrets.privateKey", ProviderFixtures.pem(appKey));
        screenshot("1-github-app-form");
        browser.findElement(By.cssSelector("#connect button[type=submit]")).click();
        runAndSeeItSucceed(wait, "GitHub App " + org, "2-github-app-run");
        server.verify(getRequestedFor(urlPathEqualTo("/orgs/" + org)).withHeader("Authorization", equalTo("Bearer ghs_from_form")));

        Path keyFile = folder.resolve("attest-workspace-key.json");
        Files.writeString(keyFile, ProviderFixtures.serviceAccountKey(ProviderFixtures.rsa(), providers() + "/form-token"));
        browser.get(base + "/monitoring/connections");
        choose(wait, "google-workspace");
        fill("name", "Workspace " + domain);
        fill("target", providers() + "/" + domain);
        fill("secrets.adminEmail", "root@" + domain);
        browser.findElement(By.cssSelector("#connect input[type=file][name='secrets.serviceAccountKey.file']")).sendKeys(keyFile.toString());
        screenshot("3-google-workspace-form");
        browser.findElement(By.cssSelector("#connect button[type=submit]")).click();
        runAndSeeItSucceed(wait, "Workspace " + domain, "4-google-workspace-run");
        server.verify(getRequestedFor(urlPathEqualTo("/admin/directory/v1/users")).withHeader("Authorization", equalTo("Bearer ya29.form")));
        assertThat(browser.getPageSource()).as("the key is never shown back").doesNotContain("BEGIN PRIVATE KEY");
    }

    /** Picks the kind in the chooser; htmx swaps in that kind's form without leaving the page. */
    private void choose(WebDriverWait wait, String kind) {
        String url = browser.getCurrentUrl();
        new Select(browser.findElement(By.cssSelector("[data-testid=choose-kind] select[name=kind]"))).selectByValue(kind);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#connect input[name=kind][value='" + kind + "']")));
        assertThat(browser.getCurrentUrl()).as("the fields were swapped in place").isEqualTo(url);
    }

    private void fill(String name, String value) {
        var field = browser.findElement(By.cssSelector("#connect [name='" + name + "']"));
        field.clear();
        field.sendKeys(value);
    }

    private void runAndSeeItSucceed(WebDriverWait wait, String name, String shot) throws Exception {
        wait.until(ExpectedConditions.textToBe(By.tagName("h1"), name));
        browser.findElement(By.xpath("//button[normalize-space()='Run now']")).click();
        new WebDriverWait(browser, java.time.Duration.ofSeconds(60)).ignoring(org.openqa.selenium.WebDriverException.class)
                .until(d -> !d.findElements(By.cssSelector("[data-testid=runs] .run-succeeded")).isEmpty()
                        || !d.findElements(By.cssSelector("[data-testid=runs] .run-failed")).isEmpty());
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView()",
                browser.findElement(By.cssSelector("[data-testid=runs]")));
        screenshot(shot);
        assertThat(browser.findElement(By.cssSelector("[data-testid=runs]")).getText()).contains("succeeded").doesNotContain("failed");
    }

    private void screenshot(String name) throws Exception {
        Path folder = Path.of("target", "screenshots", "connection-form");
        Files.createDirectories(folder);
        Files.copy(((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath(), folder.resolve(name + ".png"),
                StandardCopyOption.REPLACE_EXISTING);
    }
}
