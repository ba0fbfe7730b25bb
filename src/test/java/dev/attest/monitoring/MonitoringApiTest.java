package dev.attest.monitoring;

import dev.attest.catalog.ControlKey;
import dev.attest.controls.ControlStatus;
import dev.attest.controls.WorkspaceControls;
import dev.attest.support.AttestTest;
import dev.attest.support.Http;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@AttestTest
class MonitoringApiTest {

    @LocalServerPort
    int port;

    @Autowired
    WorkspaceControls controls;

    private Http api() {
        return Http.withToken(port, AttestTest.ADMIN_TOKEN);
    }

    private static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void theBuiltInChecksAreLoadedAndLinkedToControls() {
        JsonNode checks = api().get("/api/v1/checks").json();
        long builtIn = 0;
        for (JsonNode check : checks) {
            if (check.get("builtIn").asBoolean()) {
                builtIn++;
                assertThat(check.get("controls").size()).isPositive();
            }
        }
        assertThat(builtIn).isGreaterThanOrEqualTo(40);
        assertThat(api().get("/api/v1/checks/tls-no-legacy-protocols").json().get("controls").get(0).asText()).isEqualTo("EN-03");
    }

    @Test
    void aResourceOfAnUnknownTypeIsRefusedAndNothingIsStored() {
        String id = "unknown-" + unique();
        var response = api().postJson("/api/v1/resources", """
                {"resources": [{"type": "tls.endpoint", "id": "ok-%1$s", "data": {}},
                               {"type": "no.such.type", "id": "%1$s", "data": {"a": 1}}]}""".formatted(id));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body()).contains("resources[1].type").contains("no.such.type");
        assertThat(api().get("/api/v1/resources?type=tls.endpoint&limit=1000").body()).doesNotContain("ok-" + id);
    }

    @Test
    void anInvalidExpressionIsRefusedWithItsPosition() {
        String key = "broken-" + unique();
        var response = api().postJson("/api/v1/checks", """
                {"key": "%s", "title": "Broken", "resourceType": "tls.endpoint", "severity": "high",
                 "controls": ["EN-03"], "expression": "resource.tls10 == "}""".formatted(key));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").get(0).get("field").asText()).isEqualTo("expression");
        assertThat(response.json().get("errors").get(0).get("message").asText()).startsWith("line 1, column 19:");
        assertThat(api().get("/api/v1/checks/" + key).status()).isEqualTo(404);

        var typeError = api().postJson("/api/v1/checks/dry-run", """
                {"resourceType": "tls.endpoint", "expression": "resource.keySize + 1"}""");
        assertThat(typeError.status()).isEqualTo(400);
        assertThat(typeError.body()).contains("must be true or false");
    }

    @Test
    void aFailingCheckFailsItsControlOpensAFindingForTheOwnerAndClosesItWhenItPassesAgain() throws Exception {
        String type = "test.widget" + unique().replaceAll("[^a-z0-9]", "");
        String key = "widget-locked-" + unique();
        api().patchJson("/api/v1/controls/PH-07", """
                {"status": "implemented", "owner": "admin@localhost"}""");
        var created = api().postJson("/api/v1/checks", """
                {"key": "%s", "title": "Widgets are locked", "resourceType": "%s", "severity": "high",
                 "controls": ["PH-07"], "expression": "resource.locked == true && resource.count > 2"}""".formatted(key, type));
        assertThat(created.status()).as(created.body()).isEqualTo(201);

        var dryRun = api().postJson("/api/v1/checks/dry-run", """
                {"resourceType": "%s", "expression": "resource.locked"}""".formatted(type));
        assertThat(dryRun.status()).isEqualTo(200);
        assertThat(dryRun.json().size()).isZero();

        var pushed = api().postJson("/api/v1/resources", """
                {"source": "test", "resources": [
                  {"type": "%1$s", "id": "w1", "data": {"locked": true, "count": 3}},
                  {"type": "%1$s", "id": "w2", "data": {"locked": false, "count": 5}}]}""".formatted(type));
        assertThat(pushed.status()).as(pushed.body()).isEqualTo(202);

        JsonNode results = api().get("/api/v1/checks/" + key + "/results").json();
        assertThat(results.size()).isEqualTo(2);
        JsonNode failing = results.get(0).get("outcome").asText().equals("fail") ? results.get(0) : results.get(1);
        assertThat(failing.get("resourceId").asText()).isEqualTo("w2");
        assertThat(failing.get("observed").get("locked").asBoolean()).isFalse();
        assertThat(failing.get("observed").get("count").asInt()).isEqualTo(5);
        assertThat(controls.status(workspace(), "PH-07")).isEqualTo(ControlStatus.FAILING);
        assertThat(controls.satisfied(workspace()).test(new ControlKey("PH-07"))).isFalse();
        assertThat(api().get("/api/v1/controls/PH-07").json().get("testStatus").asText()).isEqualTo("failing");

        JsonNode findings = api().get("/api/v1/findings?check=" + key + "&status=open").json();
        assertThat(findings.size()).isEqualTo(1);
        JsonNode finding = findings.get(0);
        assertThat(finding.get("resourceId").asText()).isEqualTo("w2");
        assertThat(finding.get("owner").asText()).isEqualTo("admin@localhost");
        assertThat(java.time.Duration.between(java.time.Instant.parse(finding.get("openedAt").asText()),
                java.time.Instant.parse(finding.get("dueAt").asText())).toDays()).isEqualTo(30);

        JsonNode passedAgain = api().postJson("/api/v1/resources", """
                {"resources": [{"type": "%s", "id": "w2", "data": {"locked": true, "count": 5}}]}""".formatted(type)).json();

        assertThat(api().get("/api/v1/findings?check=" + key + "&status=open").json().size()).isZero();
        JsonNode history = api().get("/api/v1/findings/" + finding.get("id").asText()).json().get("history");
        assertThat(history.size()).isEqualTo(2);
        assertThat(history.get(0).get("event").asText()).isEqualTo("opened");
        assertThat(history.get(1).get("event").asText()).isEqualTo("closed");
        assertThat(controls.status(workspace(), "PH-07")).isEqualTo(ControlStatus.PASSING);
        assertThat(controls.satisfied(workspace()).test(new ControlKey("PH-07"))).isTrue();

        // The push's own run (not the latest: other runs of this shared workspace, such as the evidence freshness
        // feed after another test's upload, may have come since) lists it, and its evidence names what changed.
        JsonNode evaluations = api().get("/api/v1/monitoring/evaluations?limit=50").json();
        String runId = passedAgain.get("id").asText();
        JsonNode run = null;
        for (JsonNode evaluation : evaluations) {
            if (evaluation.get("id").asText().equals(runId)) {
                run = evaluation;
            }
        }
        assertThat(run).as("the push's run is listed").isNotNull();
        assertThat(run.get("evidenceId").isNull()).isFalse();
        // The run's evidence: gzipped JSON naming this check's verdict on each resource and why.
        String evidenceId = run.get("evidenceId").asText();
        assertThat(api().get("/api/v1/evidence/" + evidenceId).json().get("filename").asText()).isEqualTo("check-results.json.gz");
        try (var in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(api().getBytes("/api/v1/evidence/" + evidenceId + "/content")))) {
            JsonNode snapshot = tools.jackson.databind.json.JsonMapper.builder().build().readTree(in);
            JsonNode mine = null;
            for (JsonNode result : snapshot.get("results")) {
                if (result.get("checkKey").asText().equals(key) && result.get("resourceId").asText().equals("w2")) {
                    mine = result;
                }
            }
            assertThat(mine).as("the result of %s on w2", key).isNotNull();
            assertThat(mine.get("outcome").asText()).isEqualTo("pass");
            assertThat(mine.get("observed").get("locked").asBoolean()).isTrue();
        }
        assertThat(api().get("/api/v1/evidence/ledger/verify").json().get("valid").asBoolean()).isTrue();
    }

    @Test
    void findingFiltersRefuseValuesThatNameNothing() {
        var response = api().get("/api/v1/findings?severity=urgent");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body()).contains("severity");
    }

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    private dev.attest.identity.WorkspaceId workspace() {
        return TestWorkspaces.defaultWorkspace(jdbc);
    }
}
