package dev.attest.monitoring.internal;

import dev.attest.monitoring.Check;
import dev.attest.monitoring.CheckResult;
import dev.attest.monitoring.Resource;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import tools.jackson.core.JsonParser;

/**
 * Runs checks over resources: each resource is converted to CEL values once and then tried by
 * every check of its type. Pure computation; storing the outcome is the caller's business.
 */
@Component
@RequiredArgsConstructor
public class Evaluator {

    private final CelEngine cel;

    /** The checks of one resource type, compiled, ready to try resources one at a time. */
    public final class TypeRun {
        private final List<Check> checks;
        private final List<CelEngine.Compiled> compiled;
        private final FieldLayout layout;
        private final ExpressionPlan[] plans;
        private final Instant now;
        private final Consumer<CheckResult> sink;

        TypeRun(List<Check> checks, Instant now, Consumer<CheckResult> sink) {
            this.checks = checks;
            this.compiled = checks.stream().map(c -> cel.compile(c.expression())).toList();
            this.layout = FieldLayout.of(compiled);
            this.plans = compiled.stream().map(c -> c.planFor(layout).orElse(null)).toArray(ExpressionPlan[]::new);
            this.now = now;
            this.sink = sink;
        }

        /** Tries every check of the type on a resource given as a map. */
        public void accept(Resource resource) {
            test(resource.type(), resource.id(), CelEngine.Subject.of(resource.data(), layout, now));
        }

        /**
         * Tries every check of the type on a resource read from JSON: the parser stands on the data
         * object's START_OBJECT and is left on its END_OBJECT; only the fields the checks read are
         * built. {@code document} gives the whole data again if some check needs CEL itself.
         */
        public void accept(String type, String id, JsonParser data, Supplier<Map<String, Object>> document) {
            test(type, id, CelEngine.Subject.of(data, document, layout, now));
        }

        /** The same for a resource stored as JSON text. */
        public void accept(String type, String id, String json) {
            try (JsonParser parser = Documents.JSON.createParser(json)) {
                parser.nextToken();
                accept(type, id, parser, () -> Documents.read(json));
            }
        }

        private void test(String type, String id, CelEngine.Subject subject) {
            for (int i = 0; i < plans.length; i++) {
                CelEngine.Compiled program = compiled.get(i);
                CelEngine.Verdict verdict = cel.evaluate(program, plans[i], subject);
                sink.accept(new CheckResult(checks.get(i).key(), type, id, verdict.outcome(), verdict.error(),
                        CelEngine.observed(program.fieldsRead(), layout, subject.fields())));
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
