package dev.attest.monitoring;

import dev.attest.support.AttestTest;
import dev.attest.support.Http;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A stored resource's passing result has no row of its own (a row per failure, not per check),
 * yet the API shows it as before: listed with what the check observed, counted in the check's
 * tally, counted again the same way by a full run, and gone with its resource.
 */
@AttestTest
class PassingResultsTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private Http api() {
        return Http.withToken(port, AttestTest.ADMIN_TOKEN);
    }

    private static String gadgets(String type, int count, int failingEvery) {
        List<String> items = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            items.add("{\"type\": \"%s\", \"id\": \"p%02d\", \"data\": {\"sealed\": %s, \"weight\": %d}}"
                    .formatted(type, i, i % failingEvery != 0, i));
        }
        return "{\"source\": \"passing-test\", \"resources\": [" + String.join(",", items) + "]}";
    }

    private String check(String key, String type, String expression) {
        var created = api().postJson("/api/v1/checks", """
                {"key": "%s", "title": "%s", "resourceType": "%s", "severity": "low", "controls": ["PH-06"], "expression": "%s"}"""
                .formatted(key, key, type, expression));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return key;
    }

    private int rows(String key) {
        return jdbc.sql("select count(*) from monitoring_result where check_key = ?").param(key).query(Integer.class).single();
    }

    private JsonNode tally(String key) {
        return api().get("/api/v1/checks/" + key).json();
    }

    @Test
    void passingResultsAreShownAndCountedWithoutRowsOfTheirOwn() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String type = "test.sealable" + suffix.replace("-", "");
        String sealed = check("sealed-" + suffix, type, "resource.sealed == true");
        assertThat(api().postJson("/api/v1/resources", gadgets(type, 20, 5)).status()).isEqualTo(202);

        // 4 of 20 fail: only they have rows; the tally counts all 20
        assertThat(rows(sealed)).isEqualTo(4);
        assertThat(tally(sealed).get("passed").asInt()).isEqualTo(16);
        assertThat(tally(sealed).get("failed").asInt()).isEqualTo(4);

        // the list shows failures first, then every passing resource with what the check read
        JsonNode results = api().get("/api/v1/checks/" + sealed + "/results").json();
        assertThat(results).hasSize(20);
        assertThat(results.get(0).get("outcome").asText()).isEqualTo("fail");
        assertThat(results.get(4).get("outcome").asText()).isEqualTo("pass");
        assertThat(results.get(4).get("resourceId").asText()).isEqualTo("p01");
        assertThat(results.get(4).get("observed").get("sealed").asBoolean()).isTrue();
        JsonNode secondPage = api().get("/api/v1/checks/" + sealed + "/results?limit=5&offset=5").json();
        assertThat(secondPage).extracting(r -> r.get("resourceId").asText()).containsExactly("p02", "p03", "p04", "p06", "p07");

        // a check added later counts every resource it has not seen before
        String light = check("light-" + suffix, type, "resource.weight < 15");
        assertThat(tally(light).get("passed").asInt()).isEqualTo(15);
        assertThat(tally(light).get("failed").asInt()).isEqualTo(5);
        assertThat(rows(light)).isEqualTo(5);

        // fixing a failure removes its row; removing a passing resource takes its passes from the tallies
        assertThat(api().postJson("/api/v1/resources", """
                {"resources": [{"type": "%s", "id": "p00", "data": {"sealed": true, "weight": 0}}]}""".formatted(type)).status())
                .isEqualTo(202);
        assertThat(rows(sealed)).isEqualTo(3);
        assertThat(api().delete("/api/v1/resources/" + type + "/p01").status()).isEqualTo(204);
        assertThat(tally(sealed).get("passed").asInt()).isEqualTo(16);
        assertThat(tally(light).get("passed").asInt()).isEqualTo(14);
        assertThat(api().get("/api/v1/checks/" + sealed + "/results").json()).extracting(r -> r.get("resourceId").asText())
                .doesNotContain("p01").hasSize(19);

        // a full run counts the tallies again from the rows and the stored resources: the same figures
        assertThat(api().postJson("/api/v1/monitoring/evaluate", "{}").status()).isEqualTo(200);
        assertThat(tally(sealed).get("passed").asInt()).isEqualTo(16);
        assertThat(tally(sealed).get("failed").asInt()).isEqualTo(3);
        assertThat(tally(light).get("passed").asInt()).isEqualTo(14);
        assertThat(tally(light).get("failed").asInt()).isEqualTo(5);
        assertThat(rows(sealed)).isEqualTo(3);

        // the past rebuilt from evidence names the passing resources too
        JsonNode past = api().get("/api/v1/monitoring/status-at?check=" + sealed + "&resource=p02&time=" + java.time.Instant.now()).json();
        assertThat(past.get("results")).extracting(r -> r.get("outcome").asText()).containsExactly("pass");
    }
}
