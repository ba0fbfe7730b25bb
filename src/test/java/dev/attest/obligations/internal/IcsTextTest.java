package dev.attest.obligations.internal;

import dev.attest.obligations.CalendarEntry;
import dev.attest.obligations.Obligation;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The calendar's event text reads as a date for people, in the workspace's zone, not as a Java time value. */
class IcsTextTest {

    private static String unfolded(String ics) {
        return ics.replace("\r\n ", "");
    }

    @Test
    void aDayDeadlineReadsAsItsDayAndAClockDeadlineAsItsLocalTime() {
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        // Due at the end of 1 December in Berlin (midnight starting the 2nd), and a breach clock at 14:30 Berlin time.
        Instant endOfDay = Instant.parse("2026-12-01T23:00:00Z");
        Instant clock = Instant.parse("2026-12-03T13:30:00Z");
        String ics = unfolded(IcsCalendar.write("Duties", List.of(
                new CalendarEntry(new Obligation("a", "review", "Policy review", "ada@example.test", endOfDay, "/policies"), false, "policies"),
                new CalendarEntry(new Obligation("b", "clock", "Notify the authority", null, clock, "/incidents"), true, "incidents")),
                berlin, Instant.parse("2026-11-30T00:00:00Z"), "https://attest.example.test"));

        assertThat(ics).contains("DESCRIPTION:Due Tue 1 Dec 2026\\, owner ada@example.test")
                .contains("DESCRIPTION:Due Thu 3 Dec 2026\\, 14:30 CET (overdue)")
                .doesNotContain("[Europe/Berlin]", "T00:00+01:00");
    }
}
