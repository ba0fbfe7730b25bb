package dev.attest.monitoring.internal;

import dev.attest.support.Fuzz;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Check expressions and collector targets come from users: an expression compiles or is refused with
 * its position, a compiled one evaluates to pass, fail or error (never an exception, never past its
 * budget), and a target passes the policy or is refused with a reason.
 */
class CheckExpressionFuzzTest {

    private static final Instant NOW = Instant.parse("2026-12-06T10:00:00Z");
    private static final List<Map<String, Object>> RESOURCES = List.of(
            Map.of("name", "web-1", "keySize", 2048L, "tls10", false, "protocols", List.of("TLSv1.2", "TLSv1.3"),
                    "notAfter", "2027-01-01T00:00:00Z", "ratio", 0.5, "tags", Map.of("env", "prod")),
            Map.of("name", "", "keySize", -1L, "protocols", List.of(), "notAfter", "not a time"),
            Map.of());
    private final CelEngine cel = new CelEngine();

    @Test
    void expressionsCompileOrAreRefusedAndEvaluateToAVerdict() {
        Fuzz.run("check expression", 23, 1500, Duration.ofSeconds(8), List.of(
                "resource.keySize >= 2048 && !resource.tls10",
                "resource.protocols.all(p, p in ['TLSv1.2', 'TLSv1.3'])",
                "has(resource.tags) && resource.tags.env == 'prod'",
                "timestamp(resource.notAfter) - now > duration('720h')",
                "resource.name.matches('^web-[0-9]+$') || size(resource.name) > 3",
                "resource.protocols.exists(p, p.startsWith('TLSv1.')) ? resource.ratio * 2.0 < 1.5 : false",
                "resource.protocols.filter(p, p.endsWith('3')).size() == 1"), input -> {
            CelEngine.Compiled compiled;
            try {
                compiled = cel.compile(input);
            } catch (CelEngine.ExpressionError e) {
                assertThat(e.line()).isPositive();
                assertThat(e.column()).isPositive();
                return;
            }
            for (Map<String, Object> resource : RESOURCES) {
                long started = System.nanoTime();
                CelEngine.Verdict verdict = cel.evaluate(compiled, resource, NOW);
                assertThat(verdict.outcome()).isIn("pass", "fail", "error");
                assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(EvaluationBudget.MAX_TIME.multipliedBy(8));
            }
        });
    }

    @Test
    void collectorTargetsPassOrAreRefusedWithAReason() {
        // Names resolve to one private address without asking DNS: the fuzz is about parsing, not lookups.
        CollectorTargets targets = new CollectorTargets(false, false, false, List.of(), List.of(),
                host -> new java.net.InetAddress[]{java.net.InetAddress.getByName(host.contains(":") || host.matches("[0-9.]+") ? host : "10.9.9.9")});
        Fuzz.run("collector target", 29, 3000, Duration.ofSeconds(6), List.of(
                "10.0.0.5:5432/postgres", "jdbc:postgresql://10.0.0.5:5432/app?sslmode=require", "https://10.1.2.3",
                "10.0.0.7:8443", "git@10.0.0.9:acme/api.git", "https://10.0.0.9/acme/api.git", "[fd00::5]:443"), input -> {
            for (String kind : Set.of("postgres", "tls", "git")) {
                try {
                    targets.check(kind, input);
                } catch (CollectorTargets.Refused e) {
                    assertThat(e.getMessage()).isNotBlank();
                }
            }
        });
    }
}
