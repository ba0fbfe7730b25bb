package dev.attest.support;

import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;
import org.yaml.snakeyaml.Yaml;

import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A built-in check file ({@code checks/<module>.yaml}) read as checks/SCHEMA.md describes it, with
 * each expression compiled and evaluated by CEL, so that a module tests its checks against the
 * resources it really supplies.
 */
public final class CheckFile {

    private static final CelCompiler COMPILER = CelCompilerFactory.standardCelCompilerBuilder()
            .addVar("resource", MapType.create(SimpleType.STRING, SimpleType.DYN))
            .addVar("now", SimpleType.TIMESTAMP)
            .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
            .build();
    private static final CelRuntime RUNTIME = CelRuntimeFactory.plannerRuntimeBuilder().build();

    private final List<Map<String, Object>> checks;

    @SuppressWarnings("unchecked")
    private CheckFile(List<Map<String, Object>> checks) {
        this.checks = checks;
    }

    @SuppressWarnings("unchecked")
    public static CheckFile load(String classpathResource) {
        try (InputStream in = CheckFile.class.getResourceAsStream("/" + classpathResource)) {
            Map<String, Object> document = new Yaml().load(in);
            return new CheckFile((List<Map<String, Object>>) document.get("checks"));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public List<Map<String, Object>> checks() {
        return checks;
    }

    public Map<String, Object> check(String key) {
        return checks.stream().filter(c -> key.equals(c.get("key"))).findFirst().orElseThrow();
    }

    /** Whether the check passes the resource document at {@code now}. */
    public boolean passes(String key, Map<String, Object> resource, Instant now) {
        try {
            CelRuntime.Program program = RUNTIME.createProgram(COMPILER.compile((String) check(key).get("expression")).getAst());
            return (Boolean) program.eval(Map.of("resource", resource, "now", now));
        } catch (Exception e) {
            throw new AssertionError("check " + key + " failed to evaluate: " + e.getMessage(), e);
        }
    }
}
