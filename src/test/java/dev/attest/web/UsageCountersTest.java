package dev.attest.web;

import dev.attest.support.AttestTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The database counters behind every limit: windowed hits, blocks announced once, and the sweep of old rows. */
@AttestTest
class UsageCountersTest {

    @Autowired
    UsageCounters counters;

    @Test
    void hitsCountWithinTheWindowAndABlockIsSetOnce() {
        String subject = "client-" + UUID.randomUUID();
        assertThat(counters.hit("test.counter", subject, Duration.ofHours(1))).isEqualTo(1);
        assertThat(counters.hit("test.counter", subject, Duration.ofHours(1))).isEqualTo(2);
        assertThat(counters.hit("test.counter", subject.toUpperCase(), Duration.ofHours(1))).as("subjects ignore case").isEqualTo(3);
        assertThat(counters.allow("test.counter", subject, 3, Duration.ofHours(1))).isFalse();
        assertThat(counters.hit("test.counter", subject, Duration.ZERO)).as("a window that is over starts again").isEqualTo(1);

        Instant until = Instant.now().plus(Duration.ofMinutes(5));
        assertThat(counters.block("test.counter", subject, until)).isTrue();
        assertThat(counters.block("test.counter", subject, until)).as("already blocked: not announced again").isFalse();
        assertThat(counters.blockedUntil("test.counter", subject)).isPresent();

        counters.clear("test.counter", subject);
        assertThat(counters.blockedUntil("test.counter", subject)).isEmpty();
        assertThat(counters.hits("test.counter", subject, Duration.ofHours(1))).isZero();
    }

    @Test
    void theSweepForgetsOldSubjectsThatBlockNothing() {
        String old = "old-" + UUID.randomUUID();
        String blocked = "blocked-" + UUID.randomUUID();
        counters.hit("test.sweep", old, Duration.ofHours(1));
        counters.hit("test.sweep", blocked, Duration.ofHours(1));
        counters.block("test.sweep", blocked, Instant.now().plus(Duration.ofHours(1)));

        assertThat(counters.sweep(Instant.now().plus(Duration.ofMinutes(1)))).isGreaterThanOrEqualTo(1);

        assertThat(counters.hits("test.sweep", old, Duration.ofDays(1))).isZero();
        assertThat(counters.blockedUntil("test.sweep", blocked)).as("a live block stays").isPresent();
    }
}
