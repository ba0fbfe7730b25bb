package dev.attest.obligations.internal;

import dev.attest.obligations.CalendarEntry;
import dev.attest.obligations.Obligation;
import dev.attest.support.BuiltInChecks;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The built-in obligations check, evaluated by CEL over the resources this module supplies. */
class ObligationChecksTest {

    private static final BuiltInChecks FILE = new BuiltInChecks("obligations.yaml");
    private static final Instant DUE = Instant.parse("2026-04-01T00:00:00Z");

    private static Map<String, Object> obligation(String owner) {
        return ObligationResources.resource(new CalendarEntry(
                new Obligation("obligations:duty:1", "access-review", "Access review", owner, DUE, "/obligations"), false, "obligations")).data();
    }

    @Test
    void anObligationFailsOnlyOnceOverdueByMoreThanFourteenDays() {
        assertThat(FILE.check("obligations-not-overdue").get("resourceType")).isEqualTo(ObligationResources.TYPE);
        assertThat(FILE.passes("obligations-not-overdue", obligation("a@b"), DUE.plus(Duration.ofDays(14)).minusSeconds(1))).isTrue();
        assertThat(FILE.passes("obligations-not-overdue", obligation(null), DUE.plus(Duration.ofDays(14)))).isFalse();
        assertThat(FILE.passes("obligations-not-overdue", obligation("a@b"), DUE.minus(Duration.ofDays(30)))).isTrue();
    }
}
