package dev.attest.people;

import com.google.protobuf.Timestamp;
import dev.attest.catalog.Catalog;
import dev.attest.identity.WorkspaceId;
import dev.attest.monitoring.Resource;
import dev.attest.monitoring.ResourceSource;
import dev.attest.policies.Policies;
import dev.attest.policies.PolicySummary;
import dev.attest.support.AttestTest;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.yaml.snakeyaml.Yaml;

import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The built-in checks of people.yaml and policies.yaml, compiled with CEL as the monitoring engine
 * does and run over what the resource sources offer: the onboarded person passes, the others fail
 * exactly the checks that describe what they have not done.
 */
@AttestTest
class BuiltInChecksTest {

    @Autowired
    People people;

    @Autowired
    Policies policies;

    @Autowired
    Catalog catalog;

    @Autowired
    List<ResourceSource> sources;

    @Autowired
    JdbcClient jdbc;

    private final String run = UUID.randomUUID().toString().substring(0, 8);

    record Check(String key, String resourceType, List<String> controls, CelRuntime.Program program) {
    }

    @Test
    void everyCheckCompilesNamesRealControlsAndJudgesPeopleAndPolicies() throws Exception {
        WorkspaceId ws = new WorkspaceId(jdbc.sql("select id from workspace where slug = 'default'").query(UUID.class).single());
        Map<String, Check> checks = new TreeMap<>();
        checks.putAll(load("checks/people.yaml"));
        checks.putAll(load("checks/policies.yaml"));
        checks.values().forEach(c -> c.controls().forEach(key -> assertThat(catalog.control(key)).as(c.key() + " " + key).isPresent()));

        PolicySummary policy = policies.createFromTemplate(ws, "code-of-conduct", null, "test");
        UUID policyId = policy.policy().id();
        for (String action : List.of("submit", "approve", "publish")) {
            policies.transition(ws, policyId, 1, action, "approver@example.test");
        }
        PolicySummary draft = policies.createFromTemplate(ws, "physical-security", null, "test");
        LocalDate today = LocalDate.now(ZoneOffset.UTC);

        Person good = people.add(ws, input("good", today.minusDays(40), null, policyId), null, "test");
        policies.accept(ws, policyId, 1, good.email(), "127.0.0.1", good.email());
        people.recordTraining(ws, good.id(), "Security basics", today.minusDays(35), null, "test");
        people.signAgreement(ws, good.id(), good.name(), "127.0.0.1", good.email());
        people.recordBackgroundCheck(ws, good.id(), "completed", today.minusDays(45).toString(), "Checkr", "clear", "test");

        Person late = people.add(ws, input("late", today.minusDays(40), null, policyId), null, "test");
        Person starting = people.add(ws, input("starting", today.plusDays(10), null, policyId), null, "test");
        Person departed = people.add(ws, input("departed", today.minusDays(300), today.minusDays(3), policyId), null, "test");

        Map<String, Set<String>> failures = new TreeMap<>();
        for (ResourceSource source : sources) {
            for (Resource r : source.resources(ws)) {
                for (Check c : checks.values()) {
                    if (c.resourceType().equals(r.type())) {
                        Object passed = c.program().eval(Map.of("resource", r.data(), "now", now()));
                        assertThat(passed).as(c.key() + " on " + r.id()).isInstanceOf(Boolean.class);
                        if (!(Boolean) passed) {
                            failures.computeIfAbsent(r.id(), k -> new java.util.TreeSet<>()).add(c.key());
                        }
                    }
                }
            }
        }

        assertThat(failures.get(good.email())).as("fully onboarded").isNull();
        // The policy was published today, so the late starter still has 30 days to accept it.
        assertThat(failures.get(late.email())).containsExactlyInAnyOrder("people-training-current",
                "people-background-check-before-start", "people-confidentiality-agreement", "people-onboarding-complete");
        assertThat(failures.get(starting.email())).as("not started yet: nothing is late").isNull();
        assertThat(failures.get(departed.email())).containsExactly("people-access-revoked-24h");
        assertThat(failures.get(policyId.toString())).containsExactly("policies-owner-assigned");
        assertThat(failures.get(draft.policy().id().toString())).contains("policies-published");
    }

    private PersonInput input(String who, LocalDate start, LocalDate end, UUID policy) {
        return new PersonInput(who + " " + run, who + "." + run + "@example.test", null, null, null, "employee", start.toString(),
                end == null ? null : end.toString(), List.of(policy.toString()));
    }

    private static Timestamp now() {
        Instant now = Instant.now();
        return Timestamp.newBuilder().setSeconds(now.getEpochSecond()).setNanos(now.getNano()).build();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Check> load(String path) throws Exception {
        CelCompiler compiler = CelCompilerFactory.standardCelCompilerBuilder()
                .setStandardMacros(dev.cel.parser.CelStandardMacro.STANDARD_MACROS)
                .addVar("resource", MapType.create(SimpleType.STRING, SimpleType.DYN))
                .addVar("now", SimpleType.TIMESTAMP)
                .build();
        CelRuntime runtime = CelRuntimeFactory.plannerRuntimeBuilder().build();
        Map<String, Check> checks = new TreeMap<>();
        try (InputStream in = BuiltInChecksTest.class.getClassLoader().getResourceAsStream(path)) {
            Map<String, Object> file = new Yaml().load(in);
            for (Map<String, Object> c : (List<Map<String, Object>>) file.get("checks")) {
                String key = (String) c.get("key");
                assertThat(key).matches("[a-z0-9]+(-[a-z0-9]+)*");
                assertThat(c.get("severity")).isIn("critical", "high", "medium", "low");
                assertThat(c).containsKeys("title", "resourceType", "controls", "description", "expression");
                var ast = compiler.compile((String) c.get("expression")).getAst();
                checks.put(key, new Check(key, (String) c.get("resourceType"), (List<String>) c.get("controls"), runtime.createProgram(ast)));
            }
        }
        return checks;
    }
}
