package dev.attest.program;

import dev.attest.controls.WorkspaceControls;
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
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.TestPropertySource;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With the production default ({@code attest.workspace.adopt-all-frameworks} false), the first start's workspace and
 * every new one adopt no framework: the dashboard and a framework's page say so and point at the setup checklist's
 * "frameworks and scope" step, where the admin chooses. Screenshots under target/screenshots/program.
 */
@AttestTest
@TestPropertySource(properties = "attest.workspace.adopt-all-frameworks=false")
class FirstRunFrameworksTest extends InBrowser {

    @Autowired
    ApplicationContext context;

    @Autowired
    WorkspaceControls controls;

    @Test
    void aNewWorkspaceAdoptsNoFrameworkUntilItsAdminChoosesInSetup() {
        WorkspaceId first = TestAccounts.defaultWorkspace(context);
        java.time.Instant firstCreated = context.getBean(org.springframework.jdbc.core.simple.JdbcClient.class)
                .sql("select created_at from workspace where id = ?").param(first.value()).query(java.time.OffsetDateTime.class).single().toInstant();
        // on a database the suite's other contexts share (PostgreSQL in CI), the first start happened in one of them
        if (!firstCreated.isBefore(java.time.Instant.ofEpochMilli(context.getStartupDate()).minusSeconds(1))) {
            assertThat(controls.adopted(first)).as("the first start's workspace").isEmpty();
        }
        String slug = "first-" + UUID.randomUUID().toString().substring(0, 8);
        var created = Http.withToken(port, AttestTest.ADMIN_TOKEN).postJson("/api/v1/workspaces",
                "{\"slug\":\"" + slug + "\",\"name\":\"First " + slug + "\"}");
        assertThat(created.status()).as(created.body()).isIn(200, 201);
        var workspace = new WorkspaceId(UUID.fromString(created.json().get("id").asString()));
        assertThat(controls.adopted(workspace)).isEmpty();

        var admin = TestAccounts.member(context, workspace, Role.ADMIN);
        browser.get(url("/login"));
        browser.findElement(By.name("username")).sendKeys(admin.email());
        browser.findElement(By.name("password")).sendKeys(admin.password());
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        WebElement empty = Browser.waitOn(browser).until(
                ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid=readiness-empty]")));
        assertThat(empty.getText()).contains("No framework is adopted yet");
        assertThat(browser.findElements(By.cssSelector("[data-testid=readiness]"))).isEmpty();
        assertThat(browser.findElement(By.cssSelector("[data-testid=setup-panel] li[data-step=frameworks]")).getText()).startsWith("To do");
        assertThat(Screenshots.atEveryWidth(browser, "program", "dashboard-no-frameworks")).isLessThanOrEqualTo(0);
        assertThat(Axe.seriousViolations(browser, "/")).isEmpty();

        browser.get(url("/frameworks/soc2"));
        assertThat(browser.findElement(By.cssSelector("[data-testid=not-adopted] a")).getDomAttribute("href")).isEqualTo("/setup#frameworks");

        browser.get(url("/"));
        browser.findElement(By.linkText("Choose frameworks and scope")).click();
        Browser.waitOn(browser).until(ExpectedConditions.urlContains("/setup"));
        WebElement form = browser.findElement(By.cssSelector("[data-testid=frameworks-form]"));
        assertThat(form.findElements(By.cssSelector("input[name=framework]:checked"))).as("nothing chosen yet").isEmpty();
        form.findElement(By.cssSelector("input[name=framework][value=soc2]")).click();
        form.findElement(By.cssSelector("button[type=submit]")).click();
        Browser.waitOn(browser).until(d -> d.findElement(By.cssSelector("li[data-step=frameworks]")).getDomAttribute("data-state").equals("done"));
        assertThat(controls.adopted(workspace)).extracting(a -> a.frameworkId()).containsExactly("soc2");

        browser.get(url("/"));
        assertThat(browser.findElements(By.cssSelector("[data-testid=readiness] tbody tr")))
                .extracting(r -> r.getDomAttribute("data-framework")).containsExactly("soc2");
        assertThat(browser.findElements(By.cssSelector("[data-testid=readiness-empty]"))).isEmpty();
    }
}
