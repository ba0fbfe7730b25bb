package dev.attest.people;

import dev.attest.support.AttestTest;
import dev.attest.support.Browser;
import dev.attest.support.ExtraAccounts;
import dev.attest.support.Http;
import dev.attest.support.InBrowser;
import dev.attest.support.Screenshots;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A compliance manager in Chromium works the people list: the figures on top, the roster sorted by its overdue
 * column with a click, searched by name, a search that finds nobody saying how to see everyone again, and
 * the export link following the filters. Screenshots land in target/screenshots/people.
 */
@AttestTest
class PeopleListBrowserTest extends InBrowser {

    @Autowired
    JdbcClient jdbc;

    @Test
    void theRosterSortsFiltersAndSaysWhatToDoWhenNobodyMatches() {
        ExtraAccounts.Account ws = ExtraAccounts.inNewWorkspace(jdbc);
        Http api = Http.withToken(port, ws.token());
        String future = LocalDate.now(ZoneOffset.UTC).plusMonths(2).toString();
        String[][] people = {{"Ada Lovelace", "ada", "2020-01-01", "Engineering"}, {"Grace Hopper", "grace", future, "Engineering"},
                {"Alan Turing", "alan", future, "Research"}, {"Katherine Johnson", "katherine", "2021-06-01", "Research"}};
        for (String[] p : people) {
            assertThat(api.postJson("/api/v1/people", "{\"name\":\"%s\",\"email\":\"%s@example.test\",\"startDate\":\"%s\",\"department\":\"%s\"}"
                    .formatted(p[0], p[1], p[2], p[3])).status()).isEqualTo(201);
        }

        browser.get(url("/people"));
        browser.findElement(By.name("username")).sendKeys(ws.email());
        browser.findElement(By.name("password")).sendKeys(ExtraAccounts.PASSWORD);
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        Browser.waitOn(browser).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#roster table.people")));
        assertThat(browser.findElement(By.cssSelector("[data-testid=total]")).getText()).isEqualTo("4");
        assertThat(browser.findElement(By.cssSelector("[data-testid=with-overdue]")).getText()).isEqualTo("2");
        assertThat(browser.findElement(By.cssSelector("[data-testid=count]")).getText()).isEqualTo("1–4 of 4");
        Screenshots.atEveryWidth(browser, "people", "list");

        browser.findElement(By.xpath("//th[@aria-sort]/a[normalize-space()='Overdue']")).click();
        Browser.waitOn(browser).until(ExpectedConditions.urlContains("sort=overdue"));
        browser.findElement(By.xpath("//th[@aria-sort]/a[normalize-space()='Overdue']")).click();
        Browser.waitOn(browser).until(ExpectedConditions.urlContains("dir=desc"));
        List<String> order = browser.findElements(By.cssSelector("#roster tbody tr")).stream().map(r -> r.getAttribute("data-email")).toList();
        assertThat(order.subList(0, 2)).containsExactlyInAnyOrder("ada@example.test", "katherine@example.test");
        assertThat(browser.findElement(By.cssSelector("th[aria-sort=descending]")).getText()).isEqualToIgnoringCase("Overdue");
        Screenshots.save(browser, "people", "list-by-overdue");

        browser.get(url("/people?q=alan&sort=overdue&dir=desc"));
        Browser.waitOn(browser).until(ExpectedConditions.textToBe(By.cssSelector("[data-testid=people-count]"), "1"));
        assertThat(browser.findElement(By.cssSelector("main input[name=q]")).getAttribute("value")).isEqualTo("alan");
        assertThat(browser.findElement(By.cssSelector("[data-testid=export]")).getAttribute("href")).contains("/people/export?q=alan");
        Screenshots.save(browser, "people", "list-searched");

        browser.get(url("/people?q=nobody-by-this-name"));
        Browser.waitOn(browser).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid=empty-state]")));
        assertThat(browser.findElement(By.cssSelector("[data-testid=empty-state]")).getText()).contains("Nobody matches these filters");
        Screenshots.save(browser, "people", "list-nobody");
        browser.findElement(By.linkText("Show everyone")).click();
        Browser.waitOn(browser).until(ExpectedConditions.textToBe(By.cssSelector("[data-testid=people-count]"), "4"));
    }
}
