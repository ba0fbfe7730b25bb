package dev.attest.audits;

import dev.attest.support.AttestTest;
import dev.attest.support.Browser;
import dev.attest.support.ExtraAccounts;
import dev.attest.support.Http;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A whole audit in Chromium, as the compliance lead and as the auditor they invite: planning,
 * requests with evidence and the flag/resubmit loop, a reproducible sample, the Statement of
 * Applicability, findings blocking completion until the auditor closes them, and completion.
 * Screenshots of each stage are written to {@code target/screenshots/audit-flow}.
 */
@AttestTest
class AuditFlowBrowserTest {

    private static final Path SHOTS = Path.of("target", "screenshots", "audit-flow");

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    WebDriver browser;
    WebDriverWait wait;
    String base;

    @BeforeEach
    void open() throws Exception {
        browser = Browser.start();
        wait = Browser.waitOn(browser);
        base = "http://localhost:" + port;
        Files.createDirectories(SHOTS);
    }

    @AfterEach
    void close() {
        if (browser != null) {
            browser.quit();
        }
    }

    private void signIn(String email) {
        browser.manage().deleteAllCookies();
        browser.get(base + "/login");
        browser.findElement(By.name("username")).sendKeys(email);
        browser.findElement(By.name("password")).sendKeys(ExtraAccounts.PASSWORD);
        post(browser.findElement(By.cssSelector("button[type=submit]")));
    }

    /** Clicks a form's button and waits until the answer has replaced the page. */
    private void post(WebElement button) {
        WebElement page = browser.findElement(By.tagName("html"));
        button.click();
        wait.until(ExpectedConditions.stalenessOf(page));
    }

    private WebElement testId(String id) {
        return browser.findElement(By.cssSelector("[data-testid=" + id + "]"));
    }

    private WebElement in(WebElement scope, String id) {
        return scope.findElement(By.cssSelector("[data-testid=" + id + "]"));
    }

    private WebElement request(String reference) {
        return browser.findElement(By.cssSelector("tr[data-reference='" + reference + "']"));
    }

    private static void type(WebElement input, String text) {
        input.clear();
        input.sendKeys(text);
    }

    /** Date inputs are typed in the browser locale's order, so the value is set in ISO form as the picker would. */
    private void date(String name, LocalDate day) {
        WebElement input = browser.findElement(By.name(name));
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1]", input, day.toString());
    }

    private void shot(String name) throws Exception {
        Files.write(SHOTS.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }

    @Test
    void theLeadAndAnInvitedAuditorRunAWholeAuditInTheBrowser() throws Exception {
        ExtraAccounts.Account lead = ExtraAccounts.inNewWorkspace(jdbc);
        ExtraAccounts.Account auditor = ExtraAccounts.member(jdbc, lead.workspaceId(), "auditor");
        ExtraAccounts.Account manager = ExtraAccounts.member(jdbc, lead.workspaceId(), "compliance_manager");
        Http api = Http.withToken(port, lead.token());
        for (String title : new String[] {"Phishing mail", "Lost laptop", "Leaked key"}) {
            assertThat(api.postJson("/api/v1/incidents", "{\"title\":\"" + title + "\",\"description\":\"reported\",\"systems\":[\"mail\"]}")
                    .status()).isEqualTo(201);
        }

        // The lead plans the audit and invites the auditor.
        signIn(lead.email());
        browser.get(base + "/audits");
        new Select(browser.findElement(By.name("kind"))).selectByValue("ISO27001_SURVEILLANCE");
        browser.findElement(By.name("scope")).sendKeys("A.5.1");
        browser.findElement(By.name("firm")).sendKeys("Certifier GmbH");
        browser.findElement(By.name("leadAuditor")).sendKeys("Kim Ode");
        date("periodStart", LocalDate.now().minusDays(60));
        date("periodEnd", LocalDate.now().plusDays(1));
        post(browser.findElement(By.cssSelector("form[action$='/audits'] button[type=submit]")));
        String audit = browser.getCurrentUrl().replaceAll(".*/audits/([0-9a-f-]{36}).*", "$1");
        assertThat(testId("status").getText()).isEqualTo("planning");

        type(testId("invite-email"), auditor.email());
        post(testId("invite"));
        assertThat(testId("invite-ends-error").getText()).contains("must end");
        type(testId("invite-email"), auditor.email());
        browser.findElement(By.name("endsWithAudit")).click();
        post(testId("invite"));
        assertThat(testId("auditors").getText()).contains(auditor.email());
        new Select(testId("audit-action")).selectByValue("START_FIELDWORK");
        post(testId("advance"));
        assertThat(testId("status").getText()).isEqualTo("fieldwork");

        // Requests: one per control in scope, and one by hand.
        post(testId("generate"));
        assertThat(testId("notice").getText()).contains("2 request(s) added");
        type(testId("request-text"), "Organisation chart as of the period end");
        post(testId("raise-request"));
        assertThat(request("REQ-003").getText()).contains("Organisation chart");

        // The client answers with an upload and with evidence already in the ledger, then submits both.
        Path policy = Files.createTempFile("policy", ".txt");
        Files.writeString(policy, "Information security policy, approved 2026-02-01", StandardCharsets.UTF_8);
        in(request("C-GR-01"), "evidence-file").sendKeys(policy.toAbsolutePath().toString());
        post(in(request("C-GR-01"), "attach"));
        assertThat(in(request("C-GR-01"), "request-evidence").getText()).contains("ledger entry");
        new Select(in(request("C-PS-09"), "evidence-choice")).selectByIndex(1);
        post(in(request("C-PS-09"), "attach"));
        assertThat(in(request("C-PS-09"), "request-evidence").getText()).contains("ledger entry");
        post(in(request("C-GR-01"), "submit-request"));
        post(in(request("C-PS-09"), "submit-request"));
        assertThat(in(request("C-GR-01"), "request-status").getText()).isEqualTo("submitted");
        shot("1-lead-requests-submitted");

        // The lead keeps the Statement of Applicability: an exclusion needs its reason, and the editor cannot approve.
        browser.get(base + "/soa");
        post(testId("new-version"));
        assertThat(testId("soa-counts").getText()).contains("93 Annex A controls");
        WebElement a71 = browser.findElement(By.id("entry-A.7.1"));
        a71.findElement(By.tagName("summary")).click();
        new Select(in(a71, "edit-applicable")).selectByValue("no");
        in(a71, "edit-justification").clear();
        post(in(a71, "save-entry"));
        assertThat(testId("justification-error").getText()).contains("reason for its exclusion");
        a71 = browser.findElement(By.id("entry-A.7.1"));
        new Select(in(a71, "edit-applicable")).selectByValue("no");
        in(a71, "edit-justification").sendKeys("Fully remote company: no offices or secure areas");
        post(in(a71, "save-entry"));
        assertThat(browser.findElement(By.id("entry-A.7.1")).findElement(By.cssSelector("[data-testid=applicable]")).getText()).isEqualTo("no");
        post(testId("approve"));
        assertThat(testId("approve-error").getText()).contains("cannot approve");
        shot("2-lead-soa-self-approval-refused");

        // The auditor works the requests: a flag needs a comment.
        signIn(auditor.email());
        browser.get(base + "/audits/" + audit);
        browser.findElement(By.cssSelector("[data-filter=ready]")).click();
        wait.until(ExpectedConditions.urlContains("status=ready"));
        wait.until(d -> d.findElements(By.cssSelector("tr[data-reference]")).size() == 2);
        assertThat(browser.findElements(By.cssSelector("tr[data-reference='REQ-003']"))).isEmpty();
        post(in(request("C-GR-01"), "flag-request"));
        assertThat(in(request("C-GR-01"), "move-error").getText()).contains("say what is missing");
        in(request("C-GR-01"), "flag-comment").sendKeys("The policy's approval page is missing");
        post(in(request("C-GR-01"), "flag-request"));
        post(in(request("C-PS-09"), "accept-request"));
        assertThat(in(request("C-GR-01"), "request-status").getText()).isEqualTo("flagged");
        assertThat(in(request("C-PS-09"), "request-status").getText()).isEqualTo("accepted");

        // A sample larger than the population is refused; a drawn sample shows its seed and re-draws the same.
        new Select(testId("sample-population")).selectByValue("incidents");
        type(testId("sample-size"), "5");
        post(testId("draw"));
        assertThat(testId("sample-size-error").getText()).contains("the population has 3 items");
        new Select(testId("sample-population")).selectByValue("incidents");
        type(testId("sample-size"), "2");
        type(testId("sample-seed"), "20261206");
        post(testId("draw"));
        assertThat(testId("sample-seed-value").getText()).isEqualTo("20261206");
        String items = testId("sample-items").getText();
        post(testId("redraw-sample"));
        assertThat(testId("redraw-result").getText()).contains("the same items");
        assertThat(testId("redraw-items").getText()).isEqualTo(items);

        // Findings: a major nonconformity and an observation.
        new Select(testId("finding-kind")).selectByValue("major_nonconformity");
        type(testId("finding-title"), "No management review in the period");
        post(testId("raise-finding"));
        new Select(testId("finding-kind")).selectByValue("observation");
        type(testId("finding-title"), "Policy owners are not named");
        post(testId("raise-finding"));
        assertThat(browser.findElement(By.cssSelector("[data-finding='F-01']")).getText()).contains("major nonconformity", "open");
        assertThat(browser.findElements(By.cssSelector("[data-testid=answer-finding]"))).isEmpty();
        shot("3-auditor-flagged-sampled-findings");

        // The auditor of this ISO 27001 audit reads the SoA but cannot change it.
        browser.get(base + "/soa");
        assertThat(testId("shown-version").getText()).contains("Version 1");
        assertThat(browser.findElements(By.cssSelector("[data-testid=approve]"))).isEmpty();

        // The compliance manager approves the SoA the lead edited.
        signIn(manager.email());
        browser.get(base + "/soa");
        post(testId("approve"));
        assertThat(testId("shown-version").getText()).contains("approved");
        assertThat(browser.findElements(By.cssSelector("[data-testid=save-entry]"))).isEmpty();
        shot("4-manager-soa-approved");

        // The lead sees the flag and its comment, adds evidence, resubmits, and answers the finding.
        signIn(lead.email());
        browser.get(base + "/audits/" + audit);
        assertThat(in(request("C-GR-01"), "request-history").getText()).contains("flagged", "The policy's approval page is missing");
        Path approval = Files.createTempFile("approval", ".txt");
        Files.writeString(approval, "Board minutes approving the policy", StandardCharsets.UTF_8);
        in(request("C-GR-01"), "evidence-file").sendKeys(approval.toAbsolutePath().toString());
        post(in(request("C-GR-01"), "attach"));
        post(in(request("C-GR-01"), "submit-request"));
        assertThat(in(request("C-GR-01"), "request-status").getText()).isEqualTo("resubmitted");
        assertThat(in(request("C-GR-01"), "request-history").getText()).contains("submitted", "flagged", "resubmitted");
        WebElement major = browser.findElement(By.cssSelector("[data-finding='F-01']"));
        in(major, "answer-response").sendKeys("Agreed: the review was not scheduled");
        in(major, "answer-action").sendKeys("Quarterly management review on the calendar");
        post(in(major, "answer-finding"));
        assertThat(browser.findElement(By.cssSelector("[data-finding='F-01']")).getText()).contains("answered", "Quarterly management review");
        new Select(testId("audit-action")).selectByValue("START_REPORTING");
        post(testId("advance"));
        assertThat(testId("blocking").getText()).contains("F-01 is still open");
        assertThat(new Select(testId("audit-action")).getOptions()).extracting(WebElement::getText).containsExactly("withdraw");
        assertThat(browser.findElements(By.cssSelector("[data-testid=close-finding]"))).isEmpty();
        shot("5-lead-completion-blocked");

        // The auditor accepts the resubmission and closes the finding.
        signIn(auditor.email());
        browser.get(base + "/audits/" + audit);
        post(in(request("C-GR-01"), "accept-request"));
        assertThat(in(request("C-GR-01"), "request-status").getText()).isEqualTo("accepted");
        post(in(browser.findElement(By.cssSelector("[data-finding='F-01']")), "close-finding"));
        assertThat(in(browser.findElement(By.cssSelector("[data-finding='F-01']")), "finding-status").getText()).isEqualTo("closed");
        shot("6-auditor-finding-closed");

        // The lead completes the audit with the signed report.
        signIn(lead.email());
        browser.get(base + "/audits/" + audit);
        assertThat(browser.findElements(By.cssSelector("[data-testid=blocking]"))).isEmpty();
        Path report = Files.createTempFile("report", ".pdf");
        Files.write(report, "%PDF-1.4\n% signed surveillance report\n".getBytes(StandardCharsets.US_ASCII));
        testId("report-file").sendKeys(report.toAbsolutePath().toString());
        date("issuedOn", LocalDate.now().plusDays(2));
        testId("confirm").click();
        post(testId("complete"));
        assertThat(testId("status").getText()).isEqualTo("completed");
        shot("7-lead-audit-completed");

        // Its auditor's access ended with the audit.
        signIn(auditor.email());
        browser.get(base + "/audits/" + audit);
        assertThat(browser.getPageSource()).doesNotContain("Certifier GmbH");
    }

    @Test
    void theLeadAddsASystemAndCreatesAndStartsAnAccessReviewCampaignFromThePages() throws Exception {
        ExtraAccounts.Account lead = ExtraAccounts.inNewWorkspace(jdbc);
        signIn(lead.email());
        browser.get(base + "/access-reviews");
        new Select(testId("system-kind")).selectByValue("csv");
        type(testId("system-owner"), lead.email());
        post(testId("add-system"));
        assertThat(testId("system-name-error").getText()).contains("a name of 1 to 200 characters");
        type(testId("system-name"), "Payroll");
        new Select(testId("system-kind")).selectByValue("csv");
        type(testId("system-owner"), lead.email());
        post(testId("add-system"));
        assertThat(browser.findElement(By.cssSelector("[data-testid=systems] tr[data-system=Payroll]")).getText()).contains("csv", lead.email());

        type(testId("campaign-name"), "Q1 access review");
        date("dueOn", LocalDate.now().plusDays(30));
        post(testId("create-campaign"));
        assertThat(testId("campaign-systems-error").getText()).contains("at least one system");
        type(testId("campaign-name"), "Q1 access review");
        date("dueOn", LocalDate.now().plusDays(30));
        browser.findElement(By.cssSelector("input[name=system][data-system=Payroll]")).click();
        post(testId("create-campaign"));
        assertThat(testId("status").getText()).isEqualTo("draft");
        String campaign = browser.getCurrentUrl().replaceAll(".*/campaigns/([0-9a-f-]{36}).*", "$1");

        String system = Http.withToken(port, lead.token()).get("/api/v1/access-reviews/systems").json().get(0).get("id").asString();
        Http.Response uploaded = Http.withToken(port, lead.token()).post("/api/v1/access-reviews/systems/" + system + "/accounts.csv", "text/csv",
                "account_id,display_name,email,roles,privileged\npay-1,Ada Admin," + lead.email() + ",payroll-admin,yes\n");
        assertThat(uploaded.status()).as(uploaded.body()).isIn(200, 201);
        browser.get(base + "/access-reviews/campaigns/" + campaign);
        post(testId("start-campaign"));
        assertThat(testId("status").getText()).isEqualTo("in progress");
        assertThat(browser.findElements(By.cssSelector("[data-testid=start-campaign]"))).isEmpty();
        shot("8-lead-campaign-started");
    }
}
