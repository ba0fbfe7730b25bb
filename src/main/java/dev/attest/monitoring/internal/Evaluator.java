package dev.attest.monitoring.internal;

import dev.attest.monitoring.Check;
import dev.attest.monitoring.CheckResult;
import dev.attest.monitoring.Resource;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Runs checks over resources: each resource is converted to CEL values once and then tried by
 * every check of its type. Pure computation; storing the outcome is the caller's business.
 */
@Component
public class Evaluator {

    private final CelEngine cel;

    public Evaluator(CelEngine cel) {
        this.cel = cel;
    }

    /** The checks of one resource type, compiled, ready to try resources one at a time. */
    public final class TypeRun {
        private final List<Check> checks;
        private final List<CelEngine.Compiled> compiled;
        private final Instant now;
        private final Consumer<CheckResult> sink;

        TypeRun(List<Check> checks, Instant now, Consumer<CheckResult> sink) {
            this.checks = checks;
            this.compiled = checks.stream().map(c -> cel.compile(c.expression())).toList();
            this.now = now;
            this.sink = sink;
        }

        @SuppressWarnings("unchecked")
        public void accept(Resource resource) {
            Map<String, Object> document = (Map<String, Object>) CelEngine.celValue(resource.data());
            for (int i = 0; i < checks.size(); i++) {
                CelEngine.Compiled program = compiled.get(i);
                CelEngine.Verdict verdict = cel.evaluate(program, document, now);
                sink.accept(new CheckResult(checks.get(i).key(), resource.type(), resource.id(), verdict.outcome(), verdict.error(),
                        CelEngine.observed(program.fieldsRead(), resource.data())));
            }
        }
    }

    public TypeRun forType(List<Check> checks, Instant now, Consumer<CheckResult> sink) {
        return new TypeRun(checks, now, sink);
    }

    /** Checks grouped by the resource type they read. */
    public static Map<String, List<Check>> byType(List<Check> checks) {
        Map<String, List<Check>> byType = new LinkedHashMap<>();
        for (Check check : checks) {
            byType.computeIfAbsent(check.resourceType(), t -> new ArrayList<>()).add(check);
        }
        return byType;
    }
}
