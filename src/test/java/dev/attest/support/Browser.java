package dev.attest.support;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Headless Chromium from the distribution (never a downloaded browser). Where it is not installed
 * the browser tests are skipped with a message, unless ATTEST_REQUIRE_BROWSER=true (as in CI),
 * which makes a missing browser a failure.
 */
public final class Browser {

    private static final String CHROMIUM = "/usr/bin/chromium";
    private static final String CHROMEDRIVER = "/usr/bin/chromedriver";

    private Browser() {
    }

    /**
     * A wait for what a page shows after a click. While a form post replaces the page, reading an
     * element of the old page can fail in several ways (stale element, or Chromium's "node does not
     * belong to the document"): those are retried until the new page answers or the time is up.
     */
    public static WebDriverWait waitOn(WebDriver driver) {
        WebDriverWait wait = new WebDriverWait(driver, java.time.Duration.ofSeconds(20));
        wait.ignoring(StaleElementReferenceException.class);
        wait.ignoring(WebDriverException.class);
        return wait;
    }

    public static WebDriver start() {
        boolean installed = new File(CHROMIUM).canExecute() && new File(CHROMEDRIVER).canExecute();
        if (!installed) {
            if ("true".equals(System.getenv("ATTEST_REQUIRE_BROWSER"))) {
                throw new IllegalStateException("Chromium is required: apt-get install chromium chromium-driver");
            }
            Assumptions.abort("Chromium is not installed (apt-get install chromium chromium-driver); browser test skipped");
        }
        try {
            Path profile = Files.createTempDirectory("attest-chromium");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM);
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--disable-dev-shm-usage", "--window-size=1280,900", "--user-data-dir=" + profile);
            ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER)).build();
            ChromeDriver driver = new ChromeDriver(service, options);
            // A form post on a busy machine can take longer than the click: look for elements for a while.
            driver.manage().timeouts().implicitlyWait(java.time.Duration.ofSeconds(10));
            return driver;
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
