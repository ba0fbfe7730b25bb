package dev.attest.web;

import dev.attest.support.AttestTest;
import dev.attest.support.Browser;
import dev.attest.support.Screenshots;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A person in Chromium walks the lists that share the sortable, paged table: sorts by a column by
 * clicking its header, sees the count and the export link keep the filters, and a filter that finds
 * nothing says how to see everything again. Screenshots of each list land in target/screenshots/tables.
 */
@AttestTest
class ListTablesBrowserTest extends dev.attest.support.InBrowser {

    @Test
    void everyListSortsByItsHeadersAndSaysWhatToDoWhenEmpty() {
        String base = "http://localhost:" + port;
        browser.get(base + "/vendors");
        browser.findElement(By.name("username")).sendKeys(AttestTest.ADMIN_EMAIL);
        browser.findElement(By.name("password")).sendKeys(AttestTest.ADMIN_PASSWORD);
        browser.findElement(By.cssSelector("button[type=submit]")).click();

        for (String[] list : new String[][]{{"/vendors", "Vendor", "/vendors/export"}, {"/risks", "Risk", "/risks/export.csv"},
                {"/evidence", "Kind", "/evidence/export"}, {"/controls", "Control", "/controls/export"}}) {
            browser.get(base + list[0]);
            Browser.waitOn(browser).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#results")));
            Screenshots.save(browser, "tables", list[0].substring(1));
            String export = browser.findElements(By.cssSelector("[data-testid=export]")).stream().map(e -> e.getAttribute("href"))
                    .findFirst().orElse("");
            if (!browser.findElements(By.cssSelector("th[aria-sort] a")).isEmpty()) {
                browser.findElement(By.xpath("//th[@aria-sort]/a[normalize-space()='" + list[1] + "']")).click();
                Browser.waitOn(browser).until(ExpectedConditions.urlContains("sort="));
                assertThat(browser.findElements(By.cssSelector("th[aria-sort=ascending], th[aria-sort=descending]"))).as(list[0]).hasSize(1);
                Screenshots.save(browser, "tables", list[0].substring(1) + "-sorted");
                assertThat(export).as(list[0]).contains(list[2]);
            } else {
                assertThat(browser.findElement(By.cssSelector("[data-testid=empty-state]")).isDisplayed()).as(list[0]).isTrue();
            }
        }

        browser.get(base + "/vendors?q=zz-no-such-vendor-zz");
        Browser.waitOn(browser).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid=empty-state]")));
        assertThat(browser.findElement(By.cssSelector("[data-testid=empty-state]")).getText()).contains("No vendor matches");
        Screenshots.save(browser, "tables", "vendors-none");
        browser.findElement(By.linkText("Show every vendor")).click();
        Browser.waitOn(browser).until(ExpectedConditions.not(ExpectedConditions.urlContains("q=")));
    }
}
