package dev.attest.people;

import dev.attest.policies.Policies;
import dev.attest.support.AttestTest;
import dev.attest.support.Http;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The employee portal over HTTP: only one's own items, exact-version acceptance, superseded versions refused, the signature. */
@AttestTest
class PortalTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PasswordEncoder passwords;

    @Autowired
    Policies policies;

    private final String run = UUID.randomUUID().toString().substring(0, 8);

    private Http api() {
        return Http.withToken(port, AttestTest.ADMIN_TOKEN);
    }

    @Test
    void anEmployeeAcceptsTheCurrentVersionAndASupersededOneIsRefused() {
        String policy = publishedPolicy("code-of-conduct");
        String other = publishedPolicy("backup");
        String email = "emp." + run + "@example.test";
        String person = api().postJson("/api/v1/people", "{\"name\":\"Emma Employee\",\"email\":\"" + email + "\",\"startDate\":\"2026-01-05\","
                + "\"requiredPolicies\":[\"" + policy + "\"]}").json().get("id").asString();
        new Members(jdbc, passwords).add(email, "employee-password-1", "employee");
        Http employee = Http.signedIn(port, email, "employee-password-1");

        String portal = employee.get("/portal").body();
        assertThat(portal).contains("Code of Conduct", "Read and accept").doesNotContain("Backup Policy");
        assertThat(employee.get("/portal/policies/" + other).status()).as("not required of them").isEqualTo(404);
        assertThat(employee.get("/people").status()).isEqualTo(403);
        assertThat(employee.get("/policies/" + policy).status()).isEqualTo(403);
        String page = "/portal/policies/" + policy;
        assertThat(employee.get(page).body()).contains("Code of Conduct", "name=\"version\" value=\"1\"");

        // The admin publishes version 2 while the employee still reads version 1.
        api().postJson("/api/v1/policies/" + policy + "/versions", "");
        publish(policy, 2);
        Http.Response stale = employee.postForm(page, page + "/accept", Map.of("version", "1"), Map.of());
        assertThat(stale.status()).isEqualTo(200);
        assertThat(stale.body()).contains("superseded by version 2");

        Http.Response accepted = employee.postForm(page, page + "/accept", Map.of("version", "2"), Map.of());
        assertThat(accepted.status()).isEqualTo(302);
        assertThat(employee.get("/portal").body()).contains("You accepted Code of Conduct", "data-testid=\"accepted\"");

        var acceptance = policies.acceptances(new dev.attest.identity.WorkspaceId(new Members(jdbc, passwords).workspace()), email)
                .stream().filter(a -> a.policyId().toString().equals(policy)).findFirst().orElseThrow();
        assertThat(acceptance.versionNumber()).isEqualTo(2);
        assertThat(acceptance.versionHash()).isEqualTo(api().get("/api/v1/policies/" + policy + "/versions/2").json().get("hash").asString());
        assertThat(acceptance.address()).isNotBlank();
        assertThat(api().get("/api/v1/people/" + person).json().get("items").valueStream()
                .filter(i -> i.get("kind").asString().equals("policy")).findFirst().orElseThrow().get("state").asString()).isEqualTo("done");
    }

    @Test
    void anEmployeeSignsTheAgreementWithTheirNameAndRecordsTraining() {
        String email = "sign." + run + "@example.test";
        api().postJson("/api/v1/people", "{\"name\":\"Sam Signer\",\"email\":\"" + email + "\",\"startDate\":\"2026-01-05\"}");
        new Members(jdbc, passwords).add(email, "employee-password-2", "employee");
        Http employee = Http.signedIn(port, email, "employee-password-2");

        employee.postForm("/portal", "/portal/agreement", Map.of("signedName", "Someone Else", "agree", "yes"), Map.of());
        assertThat(employee.get("/portal").body()).contains("type your full name");
        employee.postForm("/portal", "/portal/agreement", Map.of("signedName", "Sam Signer", "agree", "yes"), Map.of());
        employee.postForm("/portal", "/portal/training", Map.of("course", "Phishing 101", "completedOn", "2026-01-10"), Map.of());

        String portal = employee.get("/portal").body();
        assertThat(portal).contains("Signed as Sam Signer", "Phishing 101");
    }

    @Test
    void aMemberWhoseEmailIsNotInTheRosterIsToldSo() {
        String email = "nobody." + run + "@example.test";
        new Members(jdbc, passwords).add(email, "employee-password-3", "employee");
        assertThat(Http.signedIn(port, email, "employee-password-3").get("/portal").body()).contains("not in the roster");
    }

    private String publishedPolicy(String template) {
        String id = api().postJson("/api/v1/policies", "{\"template\":\"" + template + "\"}").json().get("id").asString();
        publish(id, 1);
        return id;
    }

    private void publish(String id, int number) {
        // These tests play author and approver alike; the four-eyes rule has its own test (PoliciesApiTest).
        Http.withToken(port, AttestTest.ADMIN_TOKEN).putJson("/api/v1/policies/settings", "{\"separate_approver\":\"false\"}");
        for (String action : new String[]{"submit", "approve", "publish"}) {
            assertThat(api().postJson("/api/v1/policies/" + id + "/versions/" + number + "/" + action, "").status()).isEqualTo(200);
        }
    }
}
