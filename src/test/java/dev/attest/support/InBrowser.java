package dev.attest.support;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A browser test's set-up: Chromium opened 1400 px wide on the running application, closed after each test. */
public abstract class InBrowser {

    @LocalServerPort
    protected int port;

    protected WebDriver browser;

    @BeforeEach
    void openBrowser() {
        browser = Browser.start();
        browser.manage().window().setSize(new Dimension(1400, 900));
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    /** The address of a path of the application under test. */
    protected String url(String path) {
        return "http://localhost:" + port + path;
    }
}
