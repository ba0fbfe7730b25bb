package dev.attest.web;

import dev.attest.support.AttestTest;
import dev.attest.support.Axe;
import dev.attest.support.Browser;
import dev.attest.support.Http;
import dev.attest.support.InBrowser;
import dev.attest.support.Screenshots;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * axe-core's WCAG 2.1 A and AA rules over every page an admin reaches from the navigation, one record page
 * of each kind, and the public Trust Center pages: no serious or critical violation may remain.
 */
@AttestTest
class AccessibilityBrowserTest extends InBrowser {

    /** The pages behind the navigation and the settings and form pages they link to. */
    private static final List<String> SIGNED_IN_PAGES = List.of(
            "/", "/controls", "/catalog/coverage", "/catalog/import", "/monitoring", "/monitoring/checks/new",
            "/monitoring/connections", "/monitoring/findings", "/evidence", "/policies", "/policies/settings",
            "/people", "/people/new", "/people/import", "/vendors", "/vendors/new", "/risks", "/risks/new", "/risks/import",
            "/incidents", "/incidents/report", "/incidents/exercises", "/incidents/settings", "/privacy",
            "/privacy/agreements", "/privacy/processing", "/obligations", "/access-reviews", "/access-reviews/queue",
            "/trust-center", "/trust-center/documents", "/trust-center/subprocessors", "/trust-center/requests",
            "/audits", "/audit-log", "/audit-log/verify", "/members", "/portal", "/account", "/account/mfa",
            "/account/tokens", "/search?q=access");

    /** A list page and the pattern of the record pages it links to: the first record of each kind is checked too. */
    private static final List<String[]> RECORD_PAGES = List.of(
            new String[]{"/", "^/frameworks/[^/?.]+$"},
            new String[]{"/controls", "^/controls/[^/?.]+$"},
            new String[]{"/monitoring", "^/monitoring/checks/[^/?]+$"},
            new String[]{"/monitoring/findings", "^/monitoring/findings/[^/?]+$"},
            new String[]{"/monitoring/connections", "^/monitoring/connections/[^/?]+$"},
            new String[]{"/policies", "^/policies/[^/?.]+$"},
            new String[]{"/people", "^/people/[^/?.]+$"},
            new String[]{"/vendors", "^/vendors/[^/?.]+$"},
            new String[]{"/risks", "^/risks/[^/?.]+$"},
            new String[]{"/incidents", "^/incidents/[^/?.]+$"},
            new String[]{"/privacy", "^/privacy/requests/[^/?]+$"},
            new String[]{"/access-reviews", "^/access-reviews/[^/?]+$"},
            new String[]{"/audits", "^/audits/[^/?]+$"});

    private static final List<String> PUBLIC_PAGES = List.of(
            "/login", "/trust", "/trust/subprocessors", "/trust/subscribe", "/trust/privacy/request", "/trust/disclosure");

    private List<Axe.Violation> check(String path) {
        browser.get(url(path));
        Browser.waitOn(browser).until(d -> ((org.openqa.selenium.JavascriptExecutor) d)
                .executeScript("return document.readyState").equals("complete"));
        Screenshots.save(browser, "a11y", path);
        return Axe.seriousViolations(browser, path);
    }

    private void signIn() {
        browser.get(url("/login"));
        browser.findElement(By.name("username")).sendKeys(AttestTest.ADMIN_EMAIL);
        browser.findElement(By.name("password")).sendKeys(AttestTest.ADMIN_PASSWORD);
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        Browser.waitOn(browser).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid=readiness]")));
    }

    /** A published Trust Center with a subprocessor, so that the public pages show what visitors see. */
    private void publishTrustCenter() {
        Http api = Http.withToken(port, AttestTest.ADMIN_TOKEN);
        String suffix = java.util.UUID.randomUUID().toString().substring(0, 8);
        var vendor = api.postJson("/api/v1/vendors", """
                {"name":"Ledger Hosting %s","website":"https://hosting.example","purpose":"Hosts the product's database",
                 "data":["personal"],"countries":["DE"],"subprocessor":true}""".formatted(suffix));
        assertThat(vendor.status()).as(vendor.body()).isIn(200, 201);
        if (api.get("/api/v1/trust-center/published").status() != 200) {
            var saved = api.putJson("/api/v1/trust-center/draft", """
                    {"company":"Accessible Cloud","summary":"We protect customer data.","contactEmail":"security@example.com",
                     "securityContact":"mailto:security@example.com","ndaText":"You keep this confidential."}""");
            assertThat(saved.status()).as(saved.body()).isEqualTo(200);
            var published = api.postJson("/api/v1/trust-center/publish", "{}");
            assertThat(published.status()).as(published.body()).isEqualTo(200);
        }
    }

    @Test
    void everyPageAnAdminReachesHasNoSeriousOrCriticalViolation() {
        publishTrustCenter();
        List<Axe.Violation> found = new ArrayList<>();
        for (String page : PUBLIC_PAGES) {
            found.addAll(check(page));
        }
        signIn();
        Set<String> checked = new LinkedHashSet<>();
        for (String page : SIGNED_IN_PAGES) {
            found.addAll(check(page));
            checked.add(page);
        }
        browser.manage().timeouts().implicitlyWait(java.time.Duration.ZERO);
        for (String[] kind : RECORD_PAGES) {
            browser.get(url(kind[0]));
            Pattern record = Pattern.compile(kind[1]);
            String first = null;
            for (WebElement link : browser.findElements(By.cssSelector("main a[href]"))) {
                String href = link.getDomAttribute("href");
                if (href != null && record.matcher(href).matches() && !checked.contains(href)) {
                    first = href;
                    break;
                }
            }
            if (first != null) {
                found.addAll(check(first));
                checked.add(first);
            }
        }
        assertThat(checked).as("pages checked").hasSizeGreaterThan(SIGNED_IN_PAGES.size());
        assertThat(found).as("serious or critical WCAG 2.1 A/AA violations").isEmpty();
    }
}
