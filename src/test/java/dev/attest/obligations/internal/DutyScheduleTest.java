package dev.attest.obligations.internal;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** Rolling a recurring duty forward when it is marked done. */
class DutyScheduleTest {

    private static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    @Test
    void doneOnTimeTheNextOccurrenceFollowsTheCurrentDueDate() {
        assertThat(DutySchedule.next(d("2026-01-15"), 3, d("2026-01-15"), d("2026-01-10"))).isEqualTo(d("2026-04-15"));
        assertThat(DutySchedule.next(d("2026-01-15"), 12, d("2026-01-15"), d("2026-01-15"))).isEqualTo(d("2027-01-15"));
    }

    @Test
    void aMonthEndAnchorDoesNotDrift() {
        LocalDate anchor = d("2026-01-31");
        LocalDate second = DutySchedule.next(anchor, 3, anchor, anchor);
        LocalDate third = DutySchedule.next(anchor, 3, second, second);
        assertThat(second).isEqualTo(d("2026-04-30"));
        assertThat(third).isEqualTo(d("2026-07-31"));
        assertThat(DutySchedule.next(d("2027-02-28"), 12, d("2027-02-28"), d("2027-02-28"))).isEqualTo(d("2028-02-28"));
        assertThat(DutySchedule.next(d("2028-02-29"), 12, d("2028-02-29"), d("2028-02-29"))).as("leap day").isEqualTo(d("2029-02-28"));
        assertThat(DutySchedule.next(d("2028-02-29"), 12, d("2029-02-28"), d("2029-02-28"))).isEqualTo(d("2030-02-28"));
        assertThat(DutySchedule.next(d("2028-02-29"), 12, d("2031-02-28"), d("2031-02-28"))).isEqualTo(d("2032-02-29"));
    }

    @Test
    void doneLateTheNextOccurrenceIsTheFirstAfterTheDayItWasDone() {
        assertThat(DutySchedule.next(d("2026-01-15"), 3, d("2026-01-15"), d("2026-05-01"))).isEqualTo(d("2026-07-15"));
        assertThat(DutySchedule.next(d("2026-01-15"), 3, d("2026-01-15"), d("2026-04-15"))).isEqualTo(d("2026-07-15"));
    }
}
