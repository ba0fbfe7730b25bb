package dev.attest.program;

import dev.attest.identity.Role;
import dev.attest.identity.WorkspaceId;
import dev.attest.identity.internal.TestAccounts;
import dev.attest.support.AttestTest;
import dev.attest.support.Axe;
import dev.attest.support.Browser;
import dev.attest.support.Http;
import dev.attest.support.InBrowser;
import dev.attest.support.Screenshots;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The first-run checklist, the dashboard and the header search in Chromium, as an admin of a new workspace
 * sees them, with screenshots at a desktop, a laptop and a phone width under target/screenshots/program.
 */
@AttestTest
class ProgramBrowserTest extends InBrowser {

    @Autowired
    ApplicationContext context;

    private void shoot(String name) {
        assertThat(Screenshots.atEveryWidth(browser, "program", name)).as("%s scrolls sideways", name).isLessThanOrEqualTo(0);
    }

    /** A new workspace with its own admin, signed in: the checklist starts from nothing. */
    private TestAccounts.Account newWorkspaceAdmin() {
        String slug = "setup-" + UUID.randomUUID().toString().substring(0, 8);
        var created = Http.withToken(port, AttestTest.ADMIN_TOKEN).postJson("/api/v1/workspaces",
                "{\"slug\":\"" + slug + "\",\"name\":\"Setup " + slug + "\"}");
        assertThat(created.status()).as(created.body()).isIn(200, 201);
        var workspace = new WorkspaceId(UUID.fromString(created.json().get("id").asString()));
        var admin = TestAccounts.member(context, workspace, Role.ADMIN);
        signIn(admin.email(), admin.password());
        return admin;
    }

    private void signIn(String email, String password) {
        browser.get(url("/login"));
        browser.findElement(By.name("username")).sendKeys(email);
        browser.findElement(By.name("password")).sendKeys(password);
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        Browser.waitOn(browser).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid=readiness]")));
    }

    private WebElement step(String key) {
        return browser.findElement(By.cssSelector("[data-testid=setup-steps] li[data-step='" + key + "']"));
    }

    @Test
    void anAdminWorksThroughTheSetupChecklist() {
        newWorkspaceAdmin();
        WebElement panel = browser.findElement(By.cssSelector("[data-testid=setup-panel]"));
        // The workspace already has two members (its creator and this admin): inviting the team shows as done.
        assertThat(panel.getText()).contains("1 of 6 steps settled", "Company name and details", "Change the first-start password");
        assertThat(panel.findElement(By.cssSelector("li[data-step=team]")).getText()).startsWith("Done");
        shoot("dashboard-setup-panel");

        browser.findElement(By.linkText("Continue setting up")).click();
        Browser.waitOn(browser).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid=company-form]")));
        shoot("setup-start");

        // A refused company step shows the field's error and saves nothing.
        WebElement form = browser.findElement(By.cssSelector("[data-testid=company-form]"));
        // The name starts as the workspace's, as the Trust Center draft has it.
        assertThat(form.findElement(By.name("company")).getDomProperty("value")).startsWith("Setup setup-");
        form.findElement(By.name("company")).clear();
        form.findElement(By.name("company")).sendKeys("Northwind Data");
        form.findElement(By.name("securityContact")).clear();
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                "document.querySelectorAll('[data-testid=company-form] [required]').forEach(function (e) { e.removeAttribute('required'); });"
                        + "document.querySelector('[name=securityContact]').type = 'text';");
        form.findElement(By.name("securityContact")).sendKeys("not an address");
        form.findElement(By.cssSelector("button[type=submit]")).click();
        WebElement error = Browser.waitOn(browser).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("p.error[data-field=securityContact]")));
        assertThat(error.getText()).startsWith("Security contact email:");
        assertThat(step("company").getDomAttribute("data-state")).isEqualTo("open");
        shoot("setup-company-error");

        form = browser.findElement(By.cssSelector("[data-testid=company-form]"));
        form.findElement(By.name("securityContact")).clear();
        form.findElement(By.name("securityContact")).sendKeys("security@northwind.example");
        form.findElement(By.name("reviewOwner")).clear();
        form.findElement(By.name("reviewOwner")).sendKeys("the Chief Technology Officer");
        form.findElement(By.cssSelector("button[type=submit]")).click();
        Browser.waitOn(browser).until(d -> step("company").getDomAttribute("data-state").equals("done"));
        assertThat(step("company").getText()).contains("Done");
        // The name reaches the policies' placeholders and the Trust Center draft.
        browser.get(url("/policies/settings"));
        assertThat(browser.findElement(By.name("company_name")).getDomProperty("value")).isEqualTo("Northwind Data");
        browser.get(url("/trust-center"));
        assertThat(browser.findElement(By.name("company")).getDomProperty("value")).isEqualTo("Northwind Data");

        // Frameworks: keep SOC 2 with Security and Availability only, and ISO 27001; drop the rest.
        browser.get(url("/setup#frameworks"));
        WebElement frameworks = browser.findElement(By.cssSelector("[data-testid=frameworks-form]"));
        for (WebElement box : frameworks.findElements(By.cssSelector("input[name=framework]"))) {
            boolean keep = List.of("soc2", "iso27001").contains(box.getDomAttribute("value"));
            if (box.isSelected() != keep) {
                box.click();
            }
        }
        for (WebElement box : frameworks.findElements(By.cssSelector("input[name=category-soc2]:not([disabled])"))) {
            boolean keep = "availability".equals(box.getDomAttribute("value"));
            if (box.isSelected() != keep) {
                box.click();
            }
        }
        shoot("setup-frameworks");
        frameworks.findElement(By.cssSelector("button[type=submit]")).click();
        Browser.waitOn(browser).until(d -> step("frameworks").getDomAttribute("data-state").equals("done"));
        // The form shows the scope as saved: SOC 2 with Availability, without Confidentiality.
        frameworks = browser.findElement(By.cssSelector("[data-testid=frameworks-form]"));
        assertThat(frameworks.findElement(By.cssSelector("input[name=category-soc2][value=availability]")).isSelected()).isTrue();
        assertThat(frameworks.findElement(By.cssSelector("input[name=category-soc2][value=confidentiality]")).isSelected()).isFalse();
        assertThat(frameworks.findElement(By.cssSelector("input[name=framework][value=hipaa]")).isSelected()).isFalse();

        // Skipping a step settles it, with its link still there.
        step("source").findElement(By.cssSelector("button[data-skip=source]")).click();
        Browser.waitOn(browser).until(d -> step("source").getDomAttribute("data-state").equals("skipped"));
        assertThat(step("source").findElement(By.linkText("Go to connect a first source")).getDomAttribute("href"))
                .isEqualTo("/monitoring/connections");

        // Changing the password settles the password step by itself.
        browser.get(url("/account"));
        browser.findElement(By.name("current")).sendKeys(TestAccounts.PASSWORD);
        browser.findElement(By.name("password")).sendKeys("a-new-long-password-for-setup");
        browser.findElement(By.name("confirm")).sendKeys("a-new-long-password-for-setup");
        browser.findElement(By.cssSelector("form[action='/account/password'] button[type=submit]")).click();
        Browser.waitOn(browser).until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "Your password is changed"));
        browser.get(url("/setup"));
        assertThat(step("password").getDomAttribute("data-state")).isEqualTo("done");
        shoot("setup-progress");
        assertThat(Axe.seriousViolations(browser, "/setup")).isEmpty();

        browser.get(url("/"));
        assertThat(browser.findElement(By.cssSelector("[data-testid=setup-panel]")).getText()).contains("5 of 6 steps settled");
        // The readiness table lists only the frameworks chosen.
        assertThat(browser.findElements(By.cssSelector("[data-testid=readiness] tbody tr")))
                .extracting(r -> r.getDomAttribute("data-framework")).containsExactlyInAnyOrder("soc2", "iso27001");
    }

    @Test
    void theDashboardLinksEachFigureToTheListItCounts() {
        signIn(AttestTest.ADMIN_EMAIL, AttestTest.ADMIN_PASSWORD);
        WebElement readiness = browser.findElement(By.cssSelector("[data-testid=readiness]"));
        assertThat(readiness.findElements(By.cssSelector("svg.sparkline"))).as("a trend line per framework").isNotEmpty();
        assertThat(browser.findElement(By.cssSelector("[data-testid=your-tasks]")).getText()).contains("controls you own not started");
        assertThat(browser.findElement(By.cssSelector("[data-testid=next-audit]")).isDisplayed()).isTrue();
        shoot("dashboard");

        // Each severity's figure opens the findings list narrowed to it, with as many rows as it says.
        WebElement high = browser.findElement(By.cssSelector("[data-testid=monitoring-figures] li[data-severity=high] a"));
        int count = Integer.parseInt(high.findElement(By.tagName("strong")).getText());
        high.click();
        Browser.waitOn(browser).until(ExpectedConditions.urlContains("/monitoring/findings"));
        assertThat(browser.getCurrentUrl()).contains("status=open", "severity=high");
        if (count > 0 && count < 500) {
            assertThat(browser.findElements(By.cssSelector("main table tbody tr"))).hasSize(count);
        }

        // An overdue figure opens the obligations list narrowed to that kind, overdue only.
        browser.get(url("/"));
        List<WebElement> overdue = browser.findElements(By.cssSelector("[data-testid=overdue] li a"));
        if (!overdue.isEmpty()) {
            int n = Integer.parseInt(overdue.get(0).findElement(By.tagName("strong")).getText());
            overdue.get(0).click();
            Browser.waitOn(browser).until(ExpectedConditions.urlContains("state=overdue"));
            assertThat(browser.findElement(By.cssSelector("[data-testid=narrowed]")).getText()).contains("Showing only overdue");
            assertThat(browser.findElements(By.cssSelector("table.obligations tbody tr.overdue"))).hasSize(n);
            assertThat(browser.findElements(By.cssSelector("table.obligations tbody tr:not(.overdue)"))).isEmpty();
            shoot("obligations-overdue");
        }
    }

    @Test
    void theHeaderSearchFindsRecordsAndIsUsableFromTheKeyboard() {
        String word = "Kestrel" + UUID.randomUUID().toString().substring(0, 6);
        var vendor = Http.withToken(port, AttestTest.ADMIN_TOKEN).postJson("/api/v1/vendors",
                "{\"name\":\"" + word + " Mail\",\"countries\":[\"DE\"]}");
        assertThat(vendor.status()).as(vendor.body()).isIn(200, 201);
        signIn(AttestTest.ADMIN_EMAIL, AttestTest.ADMIN_PASSWORD);

        WebElement box = browser.findElement(By.cssSelector("[data-testid=search-box] input[name=q]"));
        box.sendKeys(word, Keys.ENTER);
        Browser.waitOn(browser).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid=search-results] [data-kind=vendor]")));
        WebElement group = browser.findElement(By.cssSelector("[data-kind=vendor]"));
        assertThat(group.findElement(By.tagName("h2")).getText()).isEqualTo("Vendors");
        shoot("search-results");

        // From the search field, Tab reaches the first result and Enter opens it.
        WebElement field = browser.findElement(By.id("search-page-q"));
        field.click();
        field.sendKeys(Keys.TAB, Keys.TAB);
        WebElement focused = browser.switchTo().activeElement();
        assertThat(focused.getText()).isEqualTo(word + " Mail");
        focused.sendKeys(Keys.ENTER);
        Browser.waitOn(browser).until(ExpectedConditions.urlContains("/vendors/" + vendor.json().get("id").asString()));

        // Typing on the search page narrows the results in place (htmx), and the address follows.
        browser.get(url("/search?q=AC-0"));
        WebElement input = browser.findElement(By.id("search-page-q"));
        input.clear();
        input.sendKeys("CC6.1");
        Browser.waitOn(browser).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid=search-results] [data-kind=requirement]")));
        Browser.waitOn(browser).until(ExpectedConditions.urlContains("q=CC6.1"));
        shoot("search-requirements");
    }
}
