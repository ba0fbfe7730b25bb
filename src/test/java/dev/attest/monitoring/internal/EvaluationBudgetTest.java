package dev.attest.monitoring.internal;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Check expressions come from users, so no expression may hold a thread: patterns match in linear
 * time (RE2/J) in the plan and in CEL, and past its budget an evaluation is an error result. The
 * time limits asserted here are generous bounds on "does not hang", not performance figures.
 */
class EvaluationBudgetTest {

    private static final Instant NOW = Instant.parse("2026-12-06T10:00:00Z");
    private static final Duration HANG = Duration.ofSeconds(5);
    private final CelEngine cel = new CelEngine();

    @Test
    void aBacktrackingPatternAnswersAtOnceInThePlanAndInCel() {
        // java.util.regex needs exponential time for this one; 20 repetitions are minutes, not milliseconds.
        CelEngine.Compiled compiled = cel.compile("resource.name.matches('^(.*a){20}$')");
        assertThat(compiled.plan()).as("the plan handles constant patterns").isPresent();
        Map<String, Object> resource = Map.of("name", "aaaaaaaaaaaaaaaaaaaaaaaaax");

        CelEngine.Verdict viaPlan = assertTimeoutPreemptively(HANG, () -> cel.evaluate(compiled, resource, NOW));
        CelEngine.Verdict viaCel = assertTimeoutPreemptively(HANG,
                () -> cel.evaluateWithCel(compiled, CelEngine.celValue(resource) instanceof Map<?, ?> m ? cast(m) : Map.of(), NOW));

        assertThat(viaPlan.outcome()).isEqualTo("fail");
        assertThat(viaCel.outcome()).isEqualTo("fail");
        assertThat(cel.evaluate(compiled, Map.of("name", "a".repeat(40)), NOW).outcome()).isEqualTo("pass");
    }

    @Test
    void theIssuesConstantExampleCompilesAndAnswersAtOnce() {
        CelEngine.Compiled compiled = assertTimeoutPreemptively(HANG,
                () -> cel.compile("\"aaaaaaaaaaaaaaaaaaaaaaaaax\".matches(\"^(.*a){20}$\")"));
        assertThat(assertTimeoutPreemptively(HANG, () -> cel.evaluate(compiled, Map.of(), NOW)).outcome()).isEqualTo("fail");
    }

    @Test
    void nestedListMacrosOverResourceListsStopAtTheStepBudgetWithAnError() {
        List<Long> items = LongRange.of(400);
        CelEngine.Compiled compiled = cel.compile(
                "resource.items.all(x, resource.items.all(y, resource.items.all(z, x + y + z >= 0)))");
        assertThat(compiled.plan()).isPresent();

        CelEngine.Verdict verdict = assertTimeoutPreemptively(HANG, () -> cel.evaluate(compiled, Map.of("items", items), NOW));

        assertThat(verdict.outcome()).isEqualTo("error");
        assertThat(verdict.error()).isEqualTo(EvaluationBudget.EXCEEDED);
        // The same shape within the budget still answers: the limit is on work, not on macros.
        assertThat(cel.evaluate(compiled, Map.of("items", LongRange.of(20)), NOW).outcome()).isEqualTo("pass");
    }

    @Test
    void slowStepsStopAtTheTimeBudgetWithAnError() {
        // Fewer steps than the step budget, but each one scans a long text: the clock stops it.
        String text = "ab".repeat(500_000);
        List<String> needles = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            needles.add("z" + i);
        }
        CelEngine.Compiled compiled = cel.compile("resource.needles.all(n, !resource.text.contains(n))");

        long started = System.nanoTime();
        CelEngine.Verdict verdict = assertTimeoutPreemptively(HANG,
                () -> cel.evaluate(compiled, Map.of("text", text, "needles", needles), NOW));

        assertThat(verdict.outcome()).isEqualTo("error");
        assertThat(verdict.error()).isEqualTo(EvaluationBudget.EXCEEDED);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
    }

    @Test
    void constantFoldingAtCompileTimeObeysTheBudget() {
        String list = IntStream.range(0, 500).mapToObj(Integer::toString).collect(Collectors.joining(",", "[", "]"));
        String expression = list + ".all(x, " + list + ".all(y, x + y >= 0))";

        CelEngine.Compiled compiled = assertTimeoutPreemptively(HANG, () -> cel.compile(expression));
        CelEngine.Verdict verdict = assertTimeoutPreemptively(HANG, () -> cel.evaluate(compiled, Map.of(), NOW));

        assertThat(verdict.outcome()).isEqualTo("error");
        assertThat(verdict.error()).isEqualTo(EvaluationBudget.EXCEEDED);
    }

    @Test
    void celAloneStopsAtTheStepBudgetToo() {
        List<Long> items = LongRange.of(400);
        CelEngine.Compiled compiled = cel.compile("resource.items.exists(x, resource.items.exists(y, x * y < 0))");

        CelEngine.Verdict verdict = assertTimeoutPreemptively(HANG,
                () -> cel.evaluateWithCel(compiled, cast((Map<?, ?>) CelEngine.celValue(Map.of("items", items))), NOW));

        assertThat(verdict.outcome()).isEqualTo("error");
        assertThat(verdict.error()).isEqualTo(EvaluationBudget.EXCEEDED);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Map<?, ?> map) {
        return (Map<String, Object>) map;
    }

    private static final class LongRange {
        static List<Long> of(int size) {
            List<Long> values = new ArrayList<>(size);
            for (long i = 0; i < size; i++) {
                values.add(i);
            }
            return values;
        }
    }
}
