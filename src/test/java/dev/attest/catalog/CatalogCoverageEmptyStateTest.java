package dev.attest.catalog;

import dev.attest.controls.WorkspaceControls;
import dev.attest.identity.Role;
import dev.attest.identity.WorkspaceId;
import dev.attest.identity.internal.TestAccounts;
import dev.attest.support.AttestTest;
import dev.attest.support.Http;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.TestPropertySource;

import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A new workspace adopts no framework (the production default, as in {@code FirstRunFrameworksTest}): the coverage
 * page still shows how the library covers each framework, and says to choose frameworks in the setup checklist, with
 * the link for an admin and without it for a member who cannot open setup; once one is adopted, that notice is gone.
 */
@AttestTest
@TestPropertySource(properties = "attest.workspace.adopt-all-frameworks=false")
class CatalogCoverageEmptyStateTest {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    WorkspaceControls controls;

    @Test
    void aWorkspaceWithoutFrameworksIsToldToChooseThemInSetup() {
        String slug = "cov-" + UUID.randomUUID().toString().substring(0, 8);
        var created = Http.withToken(port, AttestTest.ADMIN_TOKEN).postJson("/api/v1/workspaces",
                "{\"slug\":\"" + slug + "\",\"name\":\"Coverage " + slug + "\"}");
        assertThat(created.status()).as(created.body()).isIn(200, 201);
        var workspace = new WorkspaceId(UUID.fromString(created.json().get("id").asString()));
        assertThat(controls.adopted(workspace)).isEmpty();

        var admin = TestAccounts.member(context, workspace, Role.ADMIN);
        Http signedIn = Http.signedIn(port, admin.email(), admin.password());
        Http.Response page = signedIn.get("/catalog/coverage");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("data-testid=\"coverage-empty\"").contains("adopted no framework yet")
                .contains("href=\"/setup#frameworks\"").contains("data-testid=\"coverage\"");

        var member = TestAccounts.member(context, workspace, Role.CONTROL_OWNER);
        Http.Response asMember = Http.signedIn(port, member.email(), member.password()).get("/catalog/coverage");
        assertThat(asMember.status()).isEqualTo(200);
        assertThat(asMember.body()).contains("data-testid=\"coverage-empty\"").contains("An admin of this workspace chooses them")
                .doesNotContain("href=\"/setup#frameworks\"");

        controls.adopt(workspace, "soc2", Set.of(), admin.email());
        Http.Response adopted = signedIn.get("/catalog/coverage");
        assertThat(adopted.status()).isEqualTo(200);
        assertThat(adopted.body()).doesNotContain("data-testid=\"coverage-empty\"").contains("data-testid=\"coverage\"");
    }
}
