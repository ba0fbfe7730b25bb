package dev.attest.monitoring;

import dev.attest.support.AttestTest;
import dev.attest.support.ExtraAccounts;
import dev.attest.support.Http;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * A dry run executes an expression of the caller's choosing: only for those who may write checks,
 * and never without limits. Each case works in a workspace of its own, so that its checks and
 * resources touch no other test's controls.
 */
@AttestTest
class CheckExpressionLimitsTest {

    private static final String BACKTRACKING = "\"aaaaaaaaaaaaaaaaaaaaaaaaax\".matches(\"^(.*a){20}$\")";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    /** A new workspace's admin, with one resource of a new type that has a long list and a tricky name. */
    private record Setup(Http admin, String type) {
    }

    private Setup workspaceWithAWidget() {
        Http admin = Http.withToken(port, ExtraAccounts.inNewWorkspace(jdbc).token());
        String type = "test.limits" + UUID.randomUUID().toString().substring(0, 8).replaceAll("[^a-z0-9]", "");
        var check = admin.postJson("/api/v1/checks", JSON.writeValueAsString(java.util.Map.of("key", "widgets-exist",
                "title", "Widgets exist", "resourceType", type, "severity", "low", "controls", java.util.List.of("PH-09"), "expression", "true")));
        assertThat(check.status()).as(check.body()).isEqualTo(201);
        StringBuilder items = new StringBuilder();
        for (int i = 0; i < 300; i++) {
            items.append(i == 0 ? "" : ",").append(i);
        }
        var pushed = admin.postJson("/api/v1/resources", "{\"source\": \"test\", \"resources\": [{\"type\": \"" + type
                + "\", \"id\": \"w1\", \"data\": {\"name\": \"aaaaaaaaaaaaaaaaaaaaaaaaax\", \"items\": [" + items + "]}}]}");
        assertThat(pushed.status()).as(pushed.body()).isEqualTo(202);
        return new Setup(admin, type);
    }

    private static String draft(String type, String expression) {
        return JSON.writeValueAsString(java.util.Map.of("resourceType", type, "expression", expression));
    }

    @Test
    void viewersAndAuditorsCannotDryRunAnExpression() {
        for (String role : new String[]{"viewer", "auditor"}) {
            var account = ExtraAccounts.inDefaultWorkspace(jdbc, role);
            var response = Http.withToken(port, account.token()).postJson("/api/v1/checks/dry-run", draft("tls.endpoint", BACKTRACKING));
            assertThat(response.status()).as(role).isEqualTo(403);
        }
    }

    @Test
    void theBacktrackingPatternAnswersAtOnceForThoseWhoMayWriteChecks() {
        Setup setup = workspaceWithAWidget();

        for (String expression : new String[]{BACKTRACKING, "resource.name.matches('^(.*a){20}$')"}) {
            var response = assertTimeoutPreemptively(Duration.ofSeconds(10),
                    () -> setup.admin().postJson("/api/v1/checks/dry-run", draft(setup.type(), expression)));
            assertThat(response.status()).as(response.body()).isEqualTo(200);
            assertThat(response.json().get(0).get("outcome").asText()).as(expression).isEqualTo("fail");
        }
    }

    @Test
    void nestedListMacrosEndInAnErrorResultNamingTheBudget() {
        Setup setup = workspaceWithAWidget();
        var response = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> setup.admin().postJson("/api/v1/checks/dry-run",
                draft(setup.type(), "resource.items.all(x, resource.items.all(y, resource.items.all(z, x + y + z >= 0)))")));

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode result = response.json().get(0);
        assertThat(result.get("outcome").asText()).isEqualTo("error");
        assertThat(result.get("error").asText()).contains("budget");
    }
}
