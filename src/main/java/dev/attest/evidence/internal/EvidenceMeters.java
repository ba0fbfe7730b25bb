package dev.attest.evidence.internal;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * {@code attest_ledger_head_age_seconds}: how long the oldest unsigned ledger head has waited for its
 * checkpoint (0 when every head is signed). It grows without bound when checkpoints stop, the alert
 * an operator wants. Read from the database at scrape time, so every node reports the cluster's value.
 */
@Component
@RequiredArgsConstructor
class EvidenceMeters implements MeterBinder {

    private final LedgerStore ledger;
    private final Clock clock;

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("attest.ledger.head.age", this::oldestUnsignedHeadSeconds)
                .description("Seconds the oldest unsigned ledger head has waited for a signed checkpoint")
                .baseUnit("seconds")
                .register(registry);
    }

    double oldestUnsignedHeadSeconds() {
        Instant now = clock.instant();
        return ledger.firstUnsignedEntries().stream().mapToDouble(since -> age(since, now)).max().orElse(0);
    }

    private static double age(String since, Instant now) {
        try {
            return since == null ? 0 : Math.max(0, Duration.between(Instant.parse(since), now).toMillis() / 1000.0);
        } catch (DateTimeParseException e) {
            return 0;
        }
    }
}
