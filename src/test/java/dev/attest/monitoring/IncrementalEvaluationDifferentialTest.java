package dev.attest.monitoring;

import dev.attest.monitoring.internal.CelEngine;
import dev.attest.support.AttestTest;
import dev.attest.support.Http;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Incremental monitoring against a from-scratch evaluation: random pushes (new, changed and
 * unchanged resources), complete pushes that retire resources, deletes, full runs, and checks
 * added, edited and deleted, in random order over generated estates. After every step each check's
 * results, tally and open findings through the API equal what evaluating every resource again with
 * the CEL engine gives.
 */
@AttestTest
class IncrementalEvaluationDifferentialTest {

    private static final List<String> EXPRESSIONS = List.of("resource.a > 5", "resource.b && resource.a < 8", "resource.s.startsWith('x')",
            "resource.a % 3 != 0 || !resource.b", "size(resource.s) == 2 && resource.a >= 2");
    private static final CelEngine ENGINE = new CelEngine();

    @LocalServerPort
    int port;

    private Http api() {
        return Http.withToken(port, AttestTest.ADMIN_TOKEN);
    }

    @Test
    void findingsAndStatusesEqualAFromScratchEvaluationAfterEveryStep() {
        for (long seed : new long[]{1, 2}) {
            new Estate(new Random(seed), "test.diff" + UUID.randomUUID().toString().replace("-", "").substring(0, 10)).run(20);
        }
    }

    private final class Estate {
        final Random random;
        final String type;
        final Map<String, Map<String, Object>> resources = new TreeMap<>();
        final Map<String, String> checks = new TreeMap<>();
        final List<String> deletedChecks = new ArrayList<>();
        int nextCheck;

        Estate(Random random, String type) {
            this.random = random;
            this.type = type;
        }

        void run(int steps) {
            saveCheck();
            saveCheck();
            for (int step = 0; step < steps; step++) {
                int op = random.nextInt(10);
                String what;
                if (op < 4) {
                    what = "push";
                    push(false);
                } else if (op == 4) {
                    what = "complete push";
                    push(true);
                } else if (op == 5 && !resources.isEmpty()) {
                    String id = List.copyOf(resources.keySet()).get(random.nextInt(resources.size()));
                    what = "delete " + id;
                    assertThat(api().delete("/api/v1/resources/" + type + "/" + id).status()).isEqualTo(204);
                    resources.remove(id);
                } else if (op == 6) {
                    what = "save check";
                    saveCheck();
                } else if (op == 7 && checks.size() > 1) {
                    String key = List.copyOf(checks.keySet()).get(random.nextInt(checks.size()));
                    what = "delete check " + key;
                    assertThat(api().delete("/api/v1/checks/" + key).status()).isEqualTo(204);
                    checks.remove(key);
                    deletedChecks.add(key);
                } else if (op == 8) {
                    what = "full run";
                    assertThat(api().postJson("/api/v1/monitoring/evaluate", "{}").status()).isEqualTo(200);
                } else {
                    what = "the same push again";
                    pushAgain();
                }
                compare("step " + step + " (" + what + ")");
            }
        }

        private List<String> lastPush = List.of();

        void push(boolean complete) {
            List<String> items = new ArrayList<>();
            Map<String, Map<String, Object>> pushed = new TreeMap<>();
            int count = 1 + random.nextInt(12);
            for (int i = 0; i < count; i++) {
                String id = "r" + random.nextInt(30);
                Map<String, Object> doc = resources.containsKey(id) && random.nextBoolean() ? resources.get(id) : document();
                pushed.put(id, doc);
            }
            pushed.forEach((id, doc) -> items.add("{\"type\": \"%s\", \"id\": \"%s\", \"data\": %s}".formatted(type, id, json(doc))));
            var response = api().postJson("/api/v1/resources", """
                    {"source": "%s", "complete": %s, "resources": [%s]}""".formatted(type, complete, String.join(",", items)));
            assertThat(response.status()).as(response.body()).isEqualTo(202);
            if (complete) {
                resources.clear();
            }
            resources.putAll(pushed);
            lastPush = items;
        }

        void pushAgain() {
            if (lastPush.isEmpty()) {
                return;
            }
            var response = api().postJson("/api/v1/resources", """
                    {"source": "%s", "resources": [%s]}""".formatted(type, String.join(",", lastPush)));
            assertThat(response.status()).isEqualTo(202);
            JsonNode body = response.json();
            // everything in it is stored already unless a complete push or a delete removed it since
            assertThat(body.get("findingsClosed").asInt()).isZero();
            for (String item : lastPush) {
                Map<String, Object> parsed = dev.attest.monitoring.internal.Documents.read(item);
                @SuppressWarnings("unchecked")
                Map<String, Object> data = (Map<String, Object>) parsed.get("data");
                resources.put((String) parsed.get("id"), data);
            }
        }

        Map<String, Object> document() {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("a", (long) random.nextInt(11));
            doc.put("b", random.nextBoolean());
            doc.put("s", List.of("xa", "ya", "xb", "zzz").get(random.nextInt(4)));
            return doc;
        }

        void saveCheck() {
            String key = checks.isEmpty() || random.nextBoolean() ? type.replace('.', '-') + "-c" + nextCheck++
                    : List.copyOf(checks.keySet()).get(random.nextInt(checks.size()));
            String expression = EXPRESSIONS.get(random.nextInt(EXPRESSIONS.size()));
            var saved = api().putJson("/api/v1/checks/" + key, """
                    {"title": "Differential", "resourceType": "%s", "severity": "low", "controls": ["PH-06"], "expression": "%s"}"""
                    .formatted(type, expression));
            assertThat(saved.status()).as(saved.body()).isEqualTo(200);
            checks.put(key, expression);
        }

        void compare(String step) {
            for (String gone : deletedChecks) {
                assertThat(api().get("/api/v1/findings?status=open&check=" + gone).json().size()).as("open findings of deleted %s", gone).isZero();
            }
            for (var check : checks.entrySet()) {
                CelEngine.Compiled compiled = ENGINE.compile(check.getValue());
                Map<String, String> expected = new TreeMap<>();
                resources.forEach((id, doc) -> expected.put(id, ENGINE.evaluate(compiled, doc, Instant.now()).outcome()));
                Map<String, String> actual = new TreeMap<>();
                api().get("/api/v1/checks/" + check.getKey() + "/results").json()
                        .forEach(r -> actual.put(r.get("resourceId").asText(), r.get("outcome").asText()));
                assertThat(actual).as("results of %s after %s", check.getKey(), step).isEqualTo(expected);

                TreeSet<String> failing = new TreeSet<>();
                expected.forEach((id, outcome) -> {
                    if (!"pass".equals(outcome)) {
                        failing.add(id);
                    }
                });
                TreeSet<String> open = new TreeSet<>();
                api().get("/api/v1/findings?status=open&limit=1000&check=" + check.getKey()).json()
                        .forEach(f -> open.add(f.get("resourceId").asText()));
                assertThat(open).as("open findings of %s after %s", check.getKey(), step).isEqualTo(failing);

                JsonNode tally = api().get("/api/v1/checks/" + check.getKey()).json();
                int passed = expected.size() - failing.size();
                assertThat(tally.get("passed").isNull() ? 0 : tally.get("passed").asInt()).as("passed of %s after %s", check.getKey(), step)
                        .isEqualTo(passed);
                assertThat(tally.get("failed").isNull() ? 0 : tally.get("failed").asInt()).as("failed of %s after %s", check.getKey(), step)
                        .isEqualTo(failing.size());
            }
        }
    }

    private static String json(Map<String, Object> doc) {
        return dev.attest.monitoring.internal.Documents.write(doc);
    }
}
