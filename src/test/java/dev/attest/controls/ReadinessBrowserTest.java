package dev.attest.controls;

import dev.attest.support.AttestTest;
import dev.attest.support.Browser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import dev.attest.catalog.Catalog;
import dev.attest.identity.WorkspaceId;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.UUID;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** A person in Chromium: signs in, reads the dashboard, implements a control, sees readiness move. */
@AttestTest
class ReadinessBrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    Catalog catalog;

    @Autowired
    WorkspaceControls controls;

    @Autowired
    JdbcClient jdbc;

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
    void implementingAControlMovesReadinessOnTheDashboard() {
        String base = "http://localhost:" + port;
        // A CCPA requirement served by a single control that is not satisfied yet and has no failing
        // check (other tests share this workspace): implementing that control makes it ready.
        WorkspaceId workspace = new WorkspaceId(jdbc.sql("select id from workspace where slug = 'default'").query(UUID.class).single());
        var satisfied = controls.satisfied(workspace);
        var signals = controls.signals(workspace);
        var requirement = catalog.requireFramework("ccpa").assessedRequirements()
                .filter(r -> r.controls().size() == 1)
                .filter(r -> !satisfied.test(r.controls().get(0)))
                .filter(r -> signals.get(r.controls().get(0)) == null || signals.get(r.controls().get(0)).failing() == 0)
                .findFirst().orElseThrow();
        String key = requirement.controls().get(0).value();

        browser.get(base + "/");
        assertThat(browser.getCurrentUrl()).endsWith("/login");
        browser.findElement(By.name("username")).sendKeys(AttestTest.ADMIN_EMAIL);
        browser.findElement(By.name("password")).sendKeys(AttestTest.ADMIN_PASSWORD);
        browser.findElement(By.cssSelector("button[type=submit]")).click();

        WebDriverWait wait = Browser.waitOn(browser);
        WebElement ccpa = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("tr[data-framework=ccpa]")));
        String before = ccpa.findElement(By.cssSelector(".percent")).getText();

        browser.get(base + "/controls/" + key);
        new Select(browser.findElement(By.cssSelector("[data-testid=status]"))).selectByValue("implemented");
        browser.findElement(By.cssSelector("[data-testid=save]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("status-form"), "Saved."));

        browser.get(base + "/");
        String after = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("tr[data-framework=ccpa] .percent"))).getText();
        assertThat(Double.parseDouble(after)).isGreaterThan(Double.parseDouble(before));
    }
}
