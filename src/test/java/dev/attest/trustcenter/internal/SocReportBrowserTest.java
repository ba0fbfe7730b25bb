package dev.attest.trustcenter.internal;

import dev.attest.support.AttestTest;
import dev.attest.support.Browser;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * In Chromium: a visitor asks for the SOC 2 report and accepts the NDA, an admin approves, and the
 * visitor opens the emailed link and downloads a copy watermarked with their email and the date.
 */
class SocReportBrowserTest extends TrustCenterTestBase {

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
    void aVisitorGetsTheSoc2ReportWatermarkedAfterAnAdminApproves() throws Exception {
        String base = "http://localhost:" + port;
        String company = unique("Umbrella");
        String report = uploadPdf("SOC 2 Type II report", "soc2-report", true);
        publish(draft(company, "\"documents\":[\"" + report + "\"]"));
        String email = unique("vera") + "@prospect.example";
        WebDriverWait wait = Browser.waitOn(browser);

        // The visitor finds the report on the Trust Center and asks for it.
        browser.get(base + "/trust");
        browser.findElement(By.linkText("SOC 2 Type II report")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("request-form")));
        browser.findElement(By.name("name")).sendKeys("Vera Visitor");
        browser.findElement(By.name("email")).sendKeys(email);
        browser.findElement(By.name("company")).sendKeys("Prospect GmbH");
        browser.findElement(By.name("reason")).sendKeys("Vendor due diligence");
        assertThat(browser.findElement(By.name("extra_info")).isDisplayed()).as("the honeypot is hidden").isFalse();
        browser.findElement(By.name("nda")).click();
        browser.findElement(By.cssSelector("#request-form button[type=submit]")).click();
        assertThat(wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid=message-title]"))).getText())
                .isEqualTo("Request received");

        // An admin signs in and approves.
        browser.manage().deleteAllCookies();
        browser.get(base + "/login");
        browser.findElement(By.name("username")).sendKeys(AttestTest.ADMIN_EMAIL);
        browser.findElement(By.name("password")).sendKeys(AttestTest.ADMIN_PASSWORD);
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.urlToBe(base + "/"));
        browser.get(base + "/trust-center/requests");
        browser.findElement(By.cssSelector("tr[data-request='" + email + "'] button.approve")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("tr[data-request='" + email + "']"), "approved"));
        browser.manage().deleteAllCookies();

        // The visitor opens the emailed link, confirms their email and downloads.
        String link = link(mailTo(email, "your access link"), "/trust/access/");
        browser.get(base + link);
        browser.findElement(By.name("email")).sendKeys(email);
        browser.findElement(By.cssSelector("#confirm-form button[type=submit]")).click();
        String download = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("download"))).getAttribute("href");

        String cookies = browser.manage().getCookies().stream().map(c -> c.getName() + "=" + c.getValue()).collect(Collectors.joining("; "));
        HttpResponse<byte[]> pdf = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(download)).header("Cookie", cookies)
                .GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(pdf.statusCode()).isEqualTo(200);
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            assertThat(new PDFTextStripper().getText(document))
                    .contains("Confidential - provided to " + email + " on " + LocalDate.now(ZoneOffset.UTC));
        }
    }
}
