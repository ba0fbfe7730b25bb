package dev.attest.support;

import dev.attest.monitoring.Resource;
import dev.attest.monitoring.internal.CelEngine;
import org.springframework.core.io.ClassPathResource;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A module's built-in check file ({@code checks/<module>.yaml}) read as {@code checks/SCHEMA.md}
 * describes it, each expression run by the product's own engine (its plain-Java plan, CEL where
 * the plan leaves it), so that a module tests its checks against the resources it really offers.
 */
public final class BuiltInChecks {

    private static final Set<String> FIELDS = Set.of("key", "title", "resourceType", "severity", "controls", "description", "expression");
    private static final CelEngine ENGINE = new CelEngine();

    private final List<Map<String, Object>> checks;

    /** The checks of {@code checks/<file>}, e.g. {@code privacy.yaml}. */
    @SuppressWarnings("unchecked")
    public BuiltInChecks(String file) {
        try (InputStream in = new ClassPathResource("checks/" + file).getInputStream()) {
            Map<String, Object> yaml = new Yaml().load(in);
            this.checks = (List<Map<String, Object>>) yaml.get("checks");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (Map<String, Object> check : checks) {
            if (!check.keySet().equals(FIELDS)) {
                throw new AssertionError("check " + check.get("key") + " has fields " + check.keySet() + ", SCHEMA.md says " + FIELDS);
            }
        }
    }

    /** Every check of the file, as read. */
    public List<Map<String, Object>> all() {
        return checks;
    }

    public Map<String, Object> check(String key) {
        return checks.stream().filter(c -> key.equals(c.get("key"))).findFirst()
                .orElseThrow(() -> new AssertionError("no check " + key));
    }

    /** The outcome of each check of the resource's type, by check key; an evaluation error fails the test. */
    public Map<String, Boolean> evaluate(Resource resource, Instant now) {
        Map<String, Boolean> results = new LinkedHashMap<>();
        for (Map<String, Object> check : checks) {
            if (resource.type().equals(check.get("resourceType"))) {
                results.put((String) check.get("key"), passes((String) check.get("key"), resource.data(), now));
            }
        }
        return results;
    }

    /** Whether the check passes the resource document at {@code now}; an evaluation error fails the test. */
    public boolean passes(String key, Map<String, Object> resource, Instant now) {
        CelEngine.Compiled compiled = ENGINE.compile((String) check(key).get("expression"));
        CelEngine.Verdict verdict = ENGINE.evaluate(compiled, resource, now);
        if ("error".equals(verdict.outcome())) {
            throw new AssertionError("check " + key + " failed to run: " + verdict.error());
        }
        return "pass".equals(verdict.outcome());
    }
}
