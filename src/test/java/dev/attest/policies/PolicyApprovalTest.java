package dev.attest.policies;

import dev.attest.identity.WorkspaceId;
import dev.attest.support.AttestTest;
import dev.attest.support.ExtraAccounts;
import dev.attest.support.Http;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Four eyes on every policy by default: the author cannot approve their own version (a workspace
 * setting turns this off), the policy list shows how many members accepted each published policy,
 * and the template defaults read as sentences.
 */
@AttestTest
class PolicyApprovalTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Policies policies;

    @Test
    void theAuthorCannotApproveTheirOwnVersionButAColleagueCanAndAcceptanceIsCounted() {
        ExtraAccounts.Account admin = ExtraAccounts.inNewWorkspace(jdbc);
        ExtraAccounts.Account colleague = ExtraAccounts.member(jdbc, admin.workspaceId(), "compliance_manager");
        ExtraAccounts.member(jdbc, admin.workspaceId(), "auditor");
        Http author = Http.withToken(port, admin.token());
        String id = author.postJson("/api/v1/policies", "{\"template\":\"acceptable-use\"}").json().get("id").asString();
        String base = "/api/v1/policies/" + id + "/versions/1";
        assertThat(author.postJson(base + "/submit", "").status()).isEqualTo(200);

        Http.Response own = author.postJson(base + "/approve", "");
        assertThat(own.status()).isEqualTo(409);
        assertThat(own.body()).contains("someone else approves it");

        assertThat(Http.withToken(port, colleague.token()).postJson(base + "/approve", "").status()).isEqualTo(200);
        assertThat(author.postJson(base + "/publish", "").status()).isEqualTo(200);

        policies.accept(new WorkspaceId(admin.workspaceId()), UUID.fromString(id), 1, colleague.email(), "127.0.0.1", colleague.email());
        String list = Http.signedIn(port, admin.email(), ExtraAccounts.PASSWORD).get("/policies").body();
        // Two members are expected to accept (the auditor is not); one did.
        assertThat(list).contains("data-acceptance=\"1/2\"", "50% (1 of 2)");
    }

    /** Publishes a version through submit, a colleague's approval and publish. */
    private void publish(Http author, Http approver, String id, int number) {
        String base = "/api/v1/policies/" + id + "/versions/" + number;
        assertThat(author.postJson(base + "/submit", "").status()).isEqualTo(200);
        assertThat(approver.postJson(base + "/approve", "").status()).isEqualTo(200);
        assertThat(author.postJson(base + "/publish", "").status()).isEqualTo(200);
    }

    @Test
    void theDashboardsTotalCountsAcceptancesOfCurrentVersionsByMembersOnly() {
        ExtraAccounts.Account admin = ExtraAccounts.inNewWorkspace(jdbc);
        ExtraAccounts.Account colleague = ExtraAccounts.member(jdbc, admin.workspaceId(), "compliance_manager");
        ExtraAccounts.member(jdbc, admin.workspaceId(), "auditor");
        WorkspaceId workspace = new WorkspaceId(admin.workspaceId());
        Http author = Http.withToken(port, admin.token());
        Http approver = Http.withToken(port, colleague.token());
        assertThat(policies.acceptanceTotal(workspace)).isEqualTo(new AcceptanceRate(0, 0));

        String first = author.postJson("/api/v1/policies", "{\"template\":\"acceptable-use\"}").json().get("id").asString();
        String second = author.postJson("/api/v1/policies", "{\"template\":\"backup\"}").json().get("id").asString();
        author.postJson("/api/v1/policies", "{\"template\":\"incident-response\"}"); // a draft only: nobody accepts it
        publish(author, approver, first, 1);
        publish(author, approver, second, 1);
        policies.accept(workspace, UUID.fromString(first), 1, colleague.email(), "127.0.0.1", colleague.email());
        policies.accept(workspace, UUID.fromString(second), 1, admin.email(), "127.0.0.1", admin.email());
        policies.accept(workspace, UUID.fromString(second), 1, "former@example.org", "127.0.0.1", admin.email());
        // two published policies times two members expected (the auditor is not); the roster-only address is not counted
        assertThat(policies.acceptanceTotal(workspace)).isEqualTo(new AcceptanceRate(2, 4));

        // a new published version asks everyone again
        assertThat(author.postJson("/api/v1/policies/" + first + "/versions", "").status()).isEqualTo(201);
        publish(author, approver, first, 2);
        assertThat(policies.acceptanceTotal(workspace)).isEqualTo(new AcceptanceRate(1, 4));
        int summed = policies.acceptanceRates(workspace).values().stream().mapToInt(AcceptanceRate::accepted).sum();
        assertThat(summed).as("the per-policy rates agree").isEqualTo(1);
    }

    @Test
    void theSettingLetsAnAuthorApproveAlone() {
        ExtraAccounts.Account admin = ExtraAccounts.inNewWorkspace(jdbc);
        Http author = Http.withToken(port, admin.token());
        assertThat(author.get("/api/v1/policies/settings").json().get("separate_approver").asString()).isEqualTo("true");
        assertThat(author.putJson("/api/v1/policies/settings", "{\"separate_approver\":\"maybe\"}").status()).isEqualTo(400);
        assertThat(author.putJson("/api/v1/policies/settings", "{\"separate_approver\":\"false\"}").status()).isEqualTo(200);
        String id = author.postJson("/api/v1/policies", "{\"template\":\"backup\"}").json().get("id").asString();
        String base = "/api/v1/policies/" + id + "/versions/1";
        for (String action : new String[]{"submit", "approve", "publish"}) {
            assertThat(author.postJson(base + "/" + action, "").status()).as(action).isEqualTo(200);
        }
    }

    @Test
    void templateDefaultsOpeningASentenceAreCapitalised() {
        ExtraAccounts.Account admin = ExtraAccounts.inNewWorkspace(jdbc);
        Http author = Http.withToken(port, admin.token());
        String id = author.postJson("/api/v1/policies", "{\"template\":\"information-security\"}").json().get("id").asString();
        String body = author.get("/api/v1/policies/" + id + "/versions/1").json().get("body").asString();
        assertThat(body).contains("The Company protects", "The Head of Security reviews")
                .doesNotContainPattern("(^|\\n|\\. )the Company ")
                .doesNotContainPattern("(^|\\n|\\. )the Head of Security ");
    }
}
