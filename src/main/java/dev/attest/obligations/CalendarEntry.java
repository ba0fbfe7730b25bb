package dev.attest.obligations;

/** One obligation on the calendar, whether it is overdue now, and the module it came from. */
public record CalendarEntry(Obligation obligation, boolean overdue, String source) {
}
