package dev.attest.web;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** Dates and counts as people read them, in the installation's zone. */
class DatesTest {

    @Test
    void aMomentReadsAsDayAndMinuteInTheZoneWithoutNanoseconds() {
        Dates dates = new Dates("America/New_York");
        assertThat(dates.dateTime(Instant.parse("2026-12-06T08:56:59.644270921Z"))).isEqualTo("6 Dec 2026, 03:56 EST");
        assertThat(dates.date(LocalDate.of(2026, 12, 1))).isEqualTo("1 Dec 2026");
        assertThat(dates.dateTime(null)).isEmpty();
    }

    @Test
    void countsTakeTheRightNumber() {
        Dates dates = new Dates("UTC");
        assertThat(dates.count(1, "vendor")).isEqualTo("1 vendor");
        assertThat(dates.count(2, "vendor")).isEqualTo("2 vendors");
        assertThat(dates.count(0, "person", "people")).isEqualTo("0 people");
    }
}
