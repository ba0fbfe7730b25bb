package dev.attest.web;

import dev.attest.support.AttestTest;
import dev.attest.support.Browser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shared layout in Chromium at a desktop, a laptop and a phone width: the navigation is one row
 * on a wide screen and folds behind "Menu" on a phone, and the "not allowed" page keeps it. Each page
 * is saved as a screenshot under target/screenshots for a person to look at.
 */
@AttestTest
class LayoutBrowserTest {

    private static final Path SHOTS = Path.of("target", "screenshots");

    @LocalServerPort
    int port;

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

    private void signIn() {
        browser.get("http://localhost:" + port + "/login");
        browser.findElement(By.name("username")).sendKeys(AttestTest.ADMIN_EMAIL);
        browser.findElement(By.name("password")).sendKeys(AttestTest.ADMIN_PASSWORD);
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        Browser.waitOn(browser).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid=readiness]")));
    }

    private void shoot(String name) throws Exception {
        Files.createDirectories(SHOTS);
        Files.write(SHOTS.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }

    /** The window's inner width is what CSS sees; the outer size adds nothing in headless Chromium. */
    private void width(int px) {
        browser.manage().window().setSize(new Dimension(px, 900));
    }

    @Test
    void theNavigationIsOneRowOnAWideScreenAndFoldsOnAPhone() throws Exception {
        // An admin of several workspaces gets the workspace switcher in the bar: a long name must not push it over.
        String suffix = java.util.UUID.randomUUID().toString().substring(0, 8);
        var created = dev.attest.support.Http.withToken(port, AttestTest.ADMIN_TOKEN).postJson("/api/v1/workspaces",
                "{\"slug\":\"layout-" + suffix + "\",\"name\":\"Subsidiary with a rather long company name " + suffix + " GmbH\"}");
        assertThat(created.status()).as(created.body()).isIn(200, 201);
        signIn();
        for (int px : List.of(1400, 1280)) {
            width(px);
            browser.get("http://localhost:" + port + "/");
            WebElement bar = browser.findElement(By.cssSelector("header.topbar"));
            WebElement brand = bar.findElement(By.cssSelector(".brand"));
            // One row: the bar is no taller than a row of links (about 50 px), and every link sits on the brand's line.
            assertThat(bar.getSize().getHeight()).as("top bar height at %d px", px).isLessThan(60);
            for (WebElement link : bar.findElements(By.cssSelector("nav > .nav-group > a, nav > .nav-group > summary"))) {
                assertThat(Math.abs(link.getLocation().getY() - brand.getLocation().getY())).as("%s at %d px", link.getText(), px)
                        .isLessThan(20);
            }
            Object overflow = ((org.openqa.selenium.JavascriptExecutor) browser)
                    .executeScript("var bar = document.querySelector('header.topbar'); var who = document.querySelector('.whoami');"
                            + " return Math.max(bar.scrollWidth - bar.clientWidth,"
                            + " who && who.offsetParent ? Math.ceil(who.getBoundingClientRect().right - window.innerWidth) : 0);");
            assertThat(((Number) overflow).intValue()).as("top bar overflow at %d px", px).isLessThanOrEqualTo(0);
            shoot("dashboard-" + px);
        }

        // Narrower than a laptop's 1280 px the navigation folds behind "Menu"; the page never scrolls sideways.
        for (int px : List.of(1024, 390)) {
            width(px);
            browser.get("http://localhost:" + port + "/");
            Object overflow = ((org.openqa.selenium.JavascriptExecutor) browser)
                    .executeScript("var bar = document.querySelector('header.topbar'); var who = document.querySelector('.whoami');"
                            + " return Math.max(bar.scrollWidth - bar.clientWidth,"
                            + " who && who.offsetParent ? Math.ceil(who.getBoundingClientRect().right - window.innerWidth) : 0);");
            assertThat(((Number) overflow).intValue()).as("top bar overflow at %d px", px).isLessThanOrEqualTo(0);
            shoot("dashboard-" + px);
        }
        width(390);
        browser.get("http://localhost:" + port + "/");
        WebElement nav = browser.findElement(By.cssSelector("nav[aria-label=Main]"));
        assertThat(nav.isDisplayed()).as("folded on a phone").isFalse();
        assertThat(browser.findElement(By.cssSelector("header.topbar")).getSize().getHeight()).isLessThan(70);
        browser.findElement(By.cssSelector("label[for=nav-toggle]")).click();
        assertThat(nav.isDisplayed()).as("unfolded by Menu").isTrue();
        assertThat(browser.findElement(By.linkText("Controls")).isDisplayed()).isTrue();
        shoot("dashboard-390-menu");
    }

    @Test
    void theRecordsMenuOpensAndTheNotAllowedPageHasTheNavigation() throws Exception {
        signIn();
        width(1400);
        browser.get("http://localhost:" + port + "/");
        assertThat(browser.findElement(By.cssSelector("nav a[href='/policies']")).isDisplayed()).isFalse();
        browser.findElement(By.xpath("//summary[normalize-space()='Records']")).click();
        assertThat(browser.findElement(By.linkText("Policies")).isDisplayed()).isTrue();
        shoot("records-menu-1400");
        browser.findElement(By.linkText("Policies")).click();
        Browser.waitOn(browser).until(ExpectedConditions.urlContains("/policies"));
        shoot("policies-1400");

        // An unknown page answers with the error page, in the layout with its navigation.
        browser.get("http://localhost:" + port + "/controls/NOPE-99");
        assertThat(browser.findElements(By.cssSelector("nav[aria-label=Main]"))).isNotEmpty();
        shoot("not-found-1400");
    }

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.context.ApplicationContext context;

    @Test
    void theNotAllowedPageKeepsTheNavigationForTheSignedInPerson() {
        var employee = dev.attest.identity.internal.TestAccounts.member(context, dev.attest.identity.Role.EMPLOYEE);
        var session = dev.attest.support.Http.signedIn(port, employee.email(), employee.password());
        var denied = session.get("/members", java.util.Map.of("Accept", "text/html"));
        assertThat(denied.status()).isEqualTo(403);
        assertThat(denied.body()).contains("Not allowed", "<nav aria-label=\"Main\"", "My tasks").doesNotContain(">Members</a>");
        // An anonymous visitor's error page offers no navigation.
        assertThat(dev.attest.support.Http.anonymous(port).get("/nothing-here", java.util.Map.of("Accept", "text/html")).body()).doesNotContain("<nav aria-label=\"Main\"");
    }

    @Test
    void theWorkedListsAndAFindingFitADesktopALaptopAndAPhone() throws Exception {
        String finding = dev.attest.support.FailingEndpoint.legacyTlsFinding(port);
        signIn();

        Map<String, String> pages = new java.util.LinkedHashMap<>();
        pages.put("findings", "/monitoring/findings?status=open");
        pages.put("finding", "/monitoring/findings/" + finding);
        pages.put("controls", "/controls");
        for (int px : List.of(1400, 1024, 390)) {
            width(px);
            for (var page : pages.entrySet()) {
                browser.get("http://localhost:" + port + page.getValue());
                Browser.waitOn(browser).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("main h1")));
                Object sideways = ((org.openqa.selenium.JavascriptExecutor) browser)
                        .executeScript("return document.documentElement.scrollWidth - window.innerWidth;");
                assertThat(((Number) sideways).intValue()).as("%s scrolls sideways at %d px", page.getKey(), px).isLessThanOrEqualTo(0);
                // a form's button keeps a gap to whatever follows its form
                Object touching = ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                        "var n = 0; document.querySelectorAll('main form button').forEach(function (b) {"
                        + " var f = b.closest('form'); var next = f.nextElementSibling; if (!next || !next.offsetParent) return;"
                        + " if (next.getBoundingClientRect().top - b.getBoundingClientRect().bottom < 8) n++; }); return n;");
                assertThat(((Number) touching).intValue()).as("buttons touching what follows on %s at %d px", page.getKey(), px).isZero();
                shoot(page.getKey() + "-" + px);
            }
        }

        width(1400);
        browser.get("http://localhost:" + port + "/monitoring/findings?status=open");
        browser.findElement(By.cssSelector("th a[href*='sort=resource']")).click();
        Browser.waitOn(browser).until(ExpectedConditions.urlContains("sort=resource"));
        assertThat(browser.findElement(By.cssSelector("th[aria-sort=ascending]")).getText()).containsIgnoringCase("Resource");
        assertThat(browser.findElement(By.cssSelector("[data-testid=count]")).getText()).matches("1–\\d+ of \\d+");
    }
}
