package dev.attest.monitoring;

import dev.attest.support.AttestTest;
import dev.attest.support.Http;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Push semantics a collector relies on (idempotent upserts, complete pushes, deletes, concurrent
 * pushes), the one audit entry per run, bad input refused whole, and the status at a past time
 * rebuilt from evidence, all through the HTTP API of the running application.
 */
@AttestTest
class MonitoringAtScaleTest {

    @LocalServerPort
    int port;

    private Http api() {
        return Http.withToken(port, AttestTest.ADMIN_TOKEN);
    }

    /**
     * A resource type of its own with a check on it, so that the test owns every result and finding of the type.
     * The check proves PH-06, a control no other test asserts on (its failures would fail that control).
     */
    private String typeWithCheck(String key) {
        String type = "test.gadget" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        var created = api().postJson("/api/v1/checks", """
                {"key": "%s", "title": "Gadgets are sealed", "resourceType": "%s", "severity": "medium",
                 "controls": ["PH-06"], "expression": "resource.sealed == true"}""".formatted(key, type));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return type;
    }

    private static String key() {
        return "gadget-sealed-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String gadgets(String type, int from, int to, java.util.function.IntPredicate sealed) {
        List<String> items = new ArrayList<>();
        for (int i = from; i < to; i++) {
            items.add("{\"type\": \"%s\", \"id\": \"g%d\", \"data\": {\"sealed\": %s, \"n\": %d}}".formatted(type, i, sealed.test(i), i));
        }
        return String.join(",", items);
    }

    private Http.Response push(String type, String resources, boolean complete) {
        return api().postJson("/api/v1/resources", """
                {"source": "%s", "complete": %s, "resources": [%s]}""".formatted(type, complete, resources));
    }

    private List<String> openFindings(String key) {
        List<String> ids = new ArrayList<>();
        api().get("/api/v1/findings?status=open&limit=1000&check=" + key).json().forEach(f -> ids.add(f.get("resourceId").asText()));
        ids.sort(null);
        return ids;
    }

    @Test
    void theSameBatchTwiceChangesNothingAndOpensNothing() {
        String key = key();
        String type = typeWithCheck(key);
        String batch = gadgets(type, 0, 50, i -> i % 10 != 0);

        JsonNode first = push(type, batch, false).json();
        JsonNode second = push(type, batch, false).json();

        assertThat(first.get("resourcesChanged").asInt()).isEqualTo(50);
        assertThat(first.get("findingsOpened").asInt()).isEqualTo(5);
        assertThat(second.get("resourcesChanged").asInt()).isZero();
        assertThat(second.get("findingsOpened").asInt() + second.get("findingsReopened").asInt() + second.get("findingsClosed").asInt()).isZero();
        assertThat(second.get("evidenceId").isNull()).as("nothing changed, so no evidence").isTrue();
        assertThat(openFindings(key)).containsExactly("g0", "g10", "g20", "g30", "g40");
        JsonNode check = api().get("/api/v1/checks/" + key).json();
        assertThat(check.get("passed").asInt()).isEqualTo(45);
        assertThat(check.get("failed").asInt()).isEqualTo(5);
        var findings = api().get("/api/v1/findings?status=open&limit=2&check=" + key);
        assertThat(findings.json().size()).isEqualTo(2);
        assertThat(findings.header("X-Total-Count")).isEqualTo("5");
    }

    @Test
    void aRunWritesOneAuditEntryWithItsCountsAndEachFindingKeepsItsHistory() {
        String key = key();
        String type = typeWithCheck(key);
        push(type, gadgets(type, 0, 30, i -> i >= 3), false);

        JsonNode entries = api().get("/api/v1/audit-log?action=monitoring.run&target=monitoring:push:" + type + "&size=50").json();
        assertThat(entries.get("total").asLong()).isEqualTo(1);
        assertThat(entries.toString()).contains("30 resource(s) received, 30 changed; findings: 3 opened, 0 reopened, 0 closed");
        assertThat(api().get("/api/v1/audit-log?action=monitoring.finding-opened&size=1").json().get("total").asLong()).isZero();

        push(type, gadgets(type, 0, 1, i -> true), false);
        String findingId = api().get("/api/v1/findings?check=" + key + "&status=closed").json().get(0).get("id").asText();
        JsonNode history = api().get("/api/v1/findings/" + findingId).json().get("history");
        assertThat(history).extracting(h -> h.get("event").asText()).containsExactly("opened", "closed");
    }

    @Test
    void aCompletePushRetiresWhatTheSourceNoLongerReportsAndDeleteRemovesOne() {
        String key = key();
        String type = typeWithCheck(key);
        push(type, gadgets(type, 0, 20, i -> i % 2 == 0), false);
        assertThat(openFindings(key)).hasSize(10);

        JsonNode completed = push(type, gadgets(type, 0, 10, i -> i % 2 == 0), true).json();

        assertThat(completed.get("findingsClosed").asInt()).isEqualTo(5);
        assertThat(openFindings(key)).containsExactly("g1", "g3", "g5", "g7", "g9");
        assertThat(api().get("/api/v1/resources?type=" + type + "&limit=1000").json().size()).isEqualTo(10);
        assertThat(api().get("/api/v1/checks/" + key).json().get("failed").asInt()).isEqualTo(5);

        assertThat(api().delete("/api/v1/resources/" + type + "/g3").status()).isEqualTo(204);
        assertThat(api().delete("/api/v1/resources/" + type + "/g3").status()).isEqualTo(404);
        assertThat(openFindings(key)).containsExactly("g1", "g5", "g7", "g9");
        JsonNode check = api().get("/api/v1/checks/" + key).json();
        assertThat(check.get("passed").asInt() + check.get("failed").asInt()).isEqualTo(9);
        assertThat(api().get("/api/v1/checks/" + key + "/results").json()).extracting(r -> r.get("resourceId").asText()).doesNotContain("g3");
    }

    @Test
    void badInputIsRefusedWholeNamingTheLimitOrTheIndex() {
        String key = key();
        String type = typeWithCheck(key);
        var tooMany = push(type, gadgets(type, 0, 10_001, i -> true), false);
        assertThat(tooMany.status()).isEqualTo(400);
        assertThat(tooMany.body()).contains("at most 10000 resources");

        String big = "x".repeat(1024 * 1024);
        var tooLarge = push(type, gadgets(type, 0, 2, i -> true) + ",{\"type\": \"%s\", \"id\": \"big\", \"data\": {\"blob\": \"%s\"}}"
                .formatted(type, big), false);
        assertThat(tooLarge.status()).isEqualTo(400);
        assertThat(tooLarge.body()).contains("resources[2].data").contains("1048576 bytes");

        var malformed = api().postJson("/api/v1/resources", "{\"resources\": [{\"type\": ");
        assertThat(malformed.status()).isEqualTo(400);
        var nul = push(type, gadgets(type, 0, 1, i -> true) + ",{\"type\": \"%s\", \"id\": \"n\", \"data\": {\"notes\": [\"ok\", \"a\\u0000b\"]}}"
                .formatted(type), false);
        assertThat(nul.status()).isEqualTo(400);
        assertThat(nul.body()).contains("resources[1].data.notes[1]").contains("NUL");
        var notAnObject = push(type, gadgets(type, 0, 1, i -> true) + ",{\"type\": \"%s\", \"id\": \"n\", \"data\": [1]}".formatted(type), false);
        assertThat(notAnObject.status()).isEqualTo(400);
        assertThat(notAnObject.body()).contains("resources[1].data");
        var notAList = api().postJson("/api/v1/resources", "[{\"type\": \"%s\", \"id\": \"n\", \"data\": {}}]".formatted(type));
        assertThat(notAList.status()).isEqualTo(400);
        var notBoolean = api().postJson("/api/v1/resources", "{\"complete\": \"yes\", \"resources\": []}");
        assertThat(notBoolean.status()).isEqualTo(400);
        assertThat(notBoolean.body()).contains("complete");

        assertThat(api().get("/api/v1/resources?type=" + type).json().size()).isZero();
        assertThat(openFindings(key)).isEmpty();
    }

    @Test
    void twoConcurrentPushesToOneWorkspaceAreBothApplied() {
        String key = key();
        String type = typeWithCheck(key);
        var a = CompletableFuture.supplyAsync(() -> push(type, gadgets(type, 0, 200, i -> i % 4 != 0), false));
        var b = CompletableFuture.supplyAsync(() -> push(type, gadgets(type, 200, 400, i -> i % 4 != 0), false));

        assertThat(a.join().status()).as(a.join().body()).isEqualTo(202);
        assertThat(b.join().status()).as(b.join().body()).isEqualTo(202);
        JsonNode check = api().get("/api/v1/checks/" + key).json();
        assertThat(check.get("passed").asInt()).isEqualTo(300);
        assertThat(check.get("failed").asInt()).isEqualTo(100);
        assertThat(openFindings(key)).hasSize(100);
    }

    @Autowired
    JdbcClient jdbc;

    @Test
    void aDatabaseFailureMidPushStoresNothingAndTheNextPushSucceeds() {
        String key = key();
        String type = typeWithCheck(key);
        // The database refuses the finding that this push would open, after its resources and results are written.
        jdbc.sql("alter table monitoring_finding add constraint test_refuse_doomed check (resource_id <> 'doomed')").update();
        Http.Response failed;
        try {
            failed = push(type, gadgets(type, 0, 5, i -> true) + ",{\"type\": \"%s\", \"id\": \"doomed\", \"data\": {\"sealed\": false}}"
                    .formatted(type), false);
        } finally {
            jdbc.sql("alter table monitoring_finding drop constraint test_refuse_doomed").update();
        }

        assertThat(failed.status()).isGreaterThanOrEqualTo(500);
        assertThat(failed.body()).doesNotContain("constraint").doesNotContain("Exception");
        assertThat(api().get("/api/v1/resources?type=" + type).json().size()).isZero();
        assertThat(api().get("/api/v1/checks/" + key + "/results").json().size()).isZero();
        assertThat(api().get("/api/v1/checks/" + key).json().get("passed").isNull()).isTrue();

        var next = push(type, gadgets(type, 0, 5, i -> i != 2), false);
        assertThat(next.status()).isEqualTo(202);
        assertThat(next.json().get("resourcesChanged").asInt()).isEqualTo(5);
        assertThat(openFindings(key)).containsExactly("g2");
    }

    @Test
    void theStatusAtAPastTimeIsRebuiltFromEvidenceAsTheApiShowedIt() throws Exception {
        String key = key();
        String type = typeWithCheck(key);
        List<Instant> times = new ArrayList<>();
        List<Map<String, String>> shown = new ArrayList<>();
        List<JsonNode> tallies = new ArrayList<>();
        java.util.Random random = new java.util.Random(12);
        for (int step = 0; step < 6; step++) {
            int seed = random.nextInt();
            java.util.Random flips = new java.util.Random(seed);
            push(type, gadgets(type, step * 3, step * 3 + 15, i -> flips.nextInt(3) > 0), step == 4);
            if (step == 5) {
                api().delete("/api/v1/resources/" + type + "/g16");
            }
            if (step == 3) {
                // a full run keeps a snapshot of every result when the last one is a day old
                assertThat(api().postJson("/api/v1/monitoring/evaluate", "{}").status()).isEqualTo(200);
            }
            shown.add(results(key));
            tallies.add(api().get("/api/v1/checks/" + key).json());
            times.add(Instant.now());
            Thread.sleep(5);
        }
        for (int i = 0; i < times.size(); i++) {
            JsonNode past = api().get("/api/v1/monitoring/status-at?check=" + key + "&time=" + times.get(i)).json();
            Map<String, String> rebuilt = new TreeMap<>();
            past.get("results").forEach(r -> rebuilt.put(r.get("resourceId").asText(), r.get("outcome").asText()));
            assertThat(rebuilt).as("results of %s at step %d", key, i).isEqualTo(shown.get(i));
            JsonNode count = past.get("checks").get(0);
            assertThat(count.get("passed").asInt()).isEqualTo(tallies.get(i).get("passed").asInt());
            assertThat(count.get("failed").asInt()).isEqualTo(tallies.get(i).get("failed").asInt());
        }
        JsonNode before = api().get("/api/v1/monitoring/status-at?check=" + key + "&time=" + times.get(0).minusSeconds(60)).json();
        assertThat(before.get("results").size()).isZero();
        assertThat(api().get("/api/v1/monitoring/status-at?time=yesterday").status()).isEqualTo(400);
    }

    private Map<String, String> results(String key) {
        Map<String, String> outcomes = new TreeMap<>();
        api().get("/api/v1/checks/" + key + "/results").json().forEach(r -> outcomes.put(r.get("resourceId").asText(), r.get("outcome").asText()));
        return outcomes;
    }
}
