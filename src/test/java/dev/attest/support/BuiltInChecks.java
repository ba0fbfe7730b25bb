package dev.attest.support;

import dev.attest.monitoring.Resource;
import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;
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
 * Runs a module's built-in checks ({@code checks/<module>.yaml}) over resources with CEL the way
 * {@code checks/SCHEMA.md} describes ({@code resource} a map, {@code now} a timestamp), so that a
 * record module tests its checks and its resources together before the monitoring engine lands.
 */
public final class BuiltInChecks {

    private static final Set<String> FIELDS = Set.of("key", "title", "resourceType", "severity", "controls", "description", "expression");

    private final List<Map<String, Object>> checks;
    private final CelCompiler compiler = CelCompilerFactory.standardCelCompilerBuilder()
            .addVar("resource", MapType.create(SimpleType.STRING, SimpleType.DYN))
            .addVar("now", SimpleType.TIMESTAMP)
            .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
            .build();
    private final CelRuntime runtime = CelRuntimeFactory.plannerRuntimeBuilder().build();

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

    /** Every check of the file, as key to its definition. */
    public List<Map<String, Object>> all() {
        return checks;
    }

    /** The outcome of each check of the resource's type, by check key. */
    public Map<String, Boolean> evaluate(Resource resource, Instant now) {
        Map<String, Boolean> results = new LinkedHashMap<>();
        for (Map<String, Object> check : checks) {
            if (!resource.type().equals(check.get("resourceType"))) {
                continue;
            }
            try {
                CelAbstractSyntaxTree ast = compiler.compile((String) check.get("expression")).getAst();
                Object result = runtime.createProgram(ast).eval(Map.of("resource", resource.data(), "now", now));
                results.put((String) check.get("key"), (Boolean) result);
            } catch (Exception e) {
                throw new AssertionError("check " + check.get("key") + " failed to run: " + e.getMessage(), e);
            }
        }
        return results;
    }
}
