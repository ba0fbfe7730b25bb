package dev.attest.responsibility;

import dev.attest.support.AttestTest;
import dev.attest.support.Browser;
import dev.attest.support.Http;
import dev.attest.support.JsonPost;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.json.JsonMapper;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The responsibility editor in Chromium: reached from the Trust Center editor and the control page,
 * filtered by domain, a control handed to a provider from the vendor register with its report as
 * evidence (a missing provider is a field error), and several controls handed to the customer at
 * once. Screenshots go to target/screenshots for a person to look at.
 */
@AttestTest
class ResponsibilityEditorBrowserTest {

    private static final Path SHOTS = Path.of("target", "screenshots");

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

    private void shoot(String name) throws Exception {
        Files.createDirectories(SHOTS);
        Files.write(SHOTS.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }

    private WebElement row(String control) {
        return browser.findElement(By.id("control-" + control));
    }

    @Test
    void anAdminHandsControlsToAProviderAndToTheCustomerFromTheEditor() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        String providerName = "Cloud " + tag;
        HttpResponse<String> vendor = JsonPost.json(port, AttestTest.ADMIN_TOKEN, "/api/v1/vendors", """
                {"name":"%s","website":"https://cloud.example","purpose":"Hosting","data":["personal"],"countries":["us"],
                 "subprocessor":true}""".formatted(providerName));
        assertThat(vendor.statusCode()).as(vendor.body()).isEqualTo(201);
        String reportTitle = "SOC 2 report of " + providerName;
        Http.Response report = api().postMultipart("/api/v1/evidence", Map.of("title", reportTitle, "controls", "PH-07"),
                "soc2.pdf", ("report " + tag).getBytes(StandardCharsets.UTF_8));
        assertThat(report.status()).as(report.body()).isEqualTo(201);
        String reportId = report.json().get("id").asString();

        browser = Browser.start();
        String base = "http://localhost:" + port;
        signIn(base);

        // from the Trust Center editor to the responsibility editor, then only the physical security domain
        browser.get(base + "/trust-center");
        Browser.waitOn(browser).until(ExpectedConditions.elementToBeClickable(By.cssSelector("[data-testid=responsibility-editor]"))).click();
        Browser.waitOn(browser).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid=responsibilities]")));
        assertThat(browser.findElements(By.cssSelector("tr[data-control]")).size()).isGreaterThan(20);
        new Select(browser.findElement(By.cssSelector("[data-testid=domain-filter]"))).selectByValue("physical-security");
        browser.findElement(By.cssSelector("[data-testid=filters] button")).click();
        Browser.waitOn(browser).until(ExpectedConditions.urlContains("domain=physical-security"));
        assertThat(browser.findElements(By.cssSelector("tr[data-control]")))
                .extracting(e -> e.getAttribute("data-control")).allMatch(key -> key.startsWith("PH-")).hasSize(9);

        // a provider's control without a provider is refused beside the field, in place
        new Select(row("PH-07").findElement(By.cssSelector("[data-testid=party]"))).selectByValue("provider");
        row("PH-07").findElement(By.cssSelector("button[type=submit]")).click();
        WebElement error = Browser.waitOn(browser).until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#control-PH-07 [data-field=providerId]")));
        assertThat(error.getText()).contains("vendor register");
        shoot("responsibility-field-error");
        assertThat(api().get("/api/v1/responsibility/PH-07").json().get("party").asString()).isEqualTo("company");

        new Select(row("PH-07").findElement(By.cssSelector("[data-testid=provider]"))).selectByVisibleText(providerName);
        new Select(row("PH-07").findElement(By.cssSelector("[data-testid=report]"))).selectByVisibleText(reportTitle);
        row("PH-07").findElement(By.name("providerDuty")).sendKeys("Guards the data centre doors " + tag);
        row("PH-07").findElement(By.cssSelector("button[type=submit]")).click();
        Browser.waitOn(browser).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#control-PH-07 [data-testid=row-saved]")));
        var saved = api().get("/api/v1/responsibility/PH-07").json();
        assertThat(saved.get("party").asString()).isEqualTo("provider");
        assertThat(saved.get("providerName").asString()).isEqualTo(providerName);
        assertThat(saved.get("providerReport").asString()).isEqualTo(reportId);
        assertThat(saved.get("providerDuty").asString()).isEqualTo("Guards the data centre doors " + tag);

        // two controls to the customer at once; none checked is a field error
        browser.findElement(By.cssSelector("[data-testid=bulk] button[type=submit]")).click();
        WebElement bulkError = Browser.waitOn(browser).until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("[data-testid=bulk] [data-field=controls]")));
        assertThat(bulkError.getText()).contains("choose at least one control");
        String guidance = "Choose the region where your data is stored " + tag;
        row("PH-08").findElement(By.cssSelector("input[name=controls]")).click();
        row("PH-09").findElement(By.cssSelector("input[name=controls]")).click();
        WebElement bulk = browser.findElement(By.cssSelector("[data-testid=bulk]"));
        new Select(bulk.findElement(By.name("party"))).selectByValue("customer");
        bulk.findElement(By.name("customerGuidance")).sendKeys(guidance);
        shoot("responsibility-bulk");
        bulk.findElement(By.cssSelector("button[type=submit]")).click();
        assertThat(Browser.waitOn(browser).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid=bulk-saved]")))
                .getText()).isEqualTo("Saved 2 controls.");
        for (String key : new String[] {"PH-08", "PH-09"}) {
            var assigned = api().get("/api/v1/responsibility/" + key).json();
            assertThat(assigned.get("party").asString()).isEqualTo("customer");
            assertThat(assigned.get("customerGuidance").asString()).isEqualTo(guidance);
        }
        assertThat(row("PH-08").findElement(By.cssSelector("[data-testid=guidance]")).getText()).isEqualTo(guidance);
        shoot("responsibility-saved");

        // the control page links to the control's row
        browser.get(base + "/controls/PH-08");
        shoot("responsibility-control-page");
        Browser.waitOn(browser).until(ExpectedConditions.elementToBeClickable(By.cssSelector("[data-testid=responsibility-link]"))).click();
        Browser.waitOn(browser).until(ExpectedConditions.urlContains("/responsibility?domain=physical-security"));
        assertThat(browser.getCurrentUrl()).endsWith("#control-PH-08");
        assertThat(new Select(row("PH-08").findElement(By.cssSelector("[data-testid=party]"))).getFirstSelectedOption().getText())
                .isEqualTo("customer");
    }

    @Test
    void withoutHtmxTheRowFormPostsAndComesBackWithTheFieldErrorOrTheSavedMark() {
        Http admin = Http.signedIn(port, AttestTest.ADMIN_EMAIL, AttestTest.ADMIN_PASSWORD);
        Http.Response refused = admin.postForm("/responsibility", "/responsibility/controls/PH-06",
                Map.of("party", "customer", "domain", "physical-security"), Map.of());
        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.body()).contains("data-field=\"customerGuidance\"").contains("Catalog</a>");
        assertThat(admin.get("/controls/PH-06").body()).contains("/responsibility?domain=physical-security#control-PH-06");
        Http.Response fragment = admin.postForm("/responsibility", "/responsibility/controls/PH-06",
                Map.of("party", "customer", "customerGuidance", "Set your retention period"), Map.of("HX-Request", "true"));
        assertThat(fragment.status()).isEqualTo(200);
        assertThat(fragment.body()).startsWith("<tr").contains("data-testid=\"row-saved\"").doesNotContain("<html");
        Http.Response badProvider = admin.postForm("/responsibility", "/responsibility/controls/PH-06",
                Map.of("party", "provider", "providerId", "not-a-uuid"), Map.of());
        assertThat(badProvider.status()).isEqualTo(200);
        assertThat(badProvider.body()).contains("data-field=\"providerId\"");
        assertThat(api().get("/api/v1/responsibility/PH-06").json().get("customerGuidance").asString()).isEqualTo("Set your retention period");
    }
}
