package dev.attest.accessreviews;

import java.time.LocalDate;
import java.util.Locale;

/** How often a campaign repeats; the next one is due this long after the last one's due date. */
public enum Recurrence {
    NONE(0), MONTHLY(1), QUARTERLY(3), SEMIANNUAL(6), ANNUAL(12);

    private final int months;

    Recurrence(int months) {
        this.months = months;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The due date of the next campaign, or null when it does not repeat. */
    public LocalDate next(LocalDate due) {
        return months == 0 ? null : due.plusMonths(months);
    }

    public static java.util.Optional<Recurrence> parse(String value) {
        for (Recurrence r : values()) {
            if (r.wireName().equals(value)) {
                return java.util.Optional.of(r);
            }
        }
        return java.util.Optional.empty();
    }
}
