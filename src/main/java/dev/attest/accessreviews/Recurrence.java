package dev.attest.accessreviews;

import dev.attest.web.WireName;
import lombok.RequiredArgsConstructor;

import java.time.LocalDate;

/** How often a campaign repeats; the next one is due this long after the last one's due date. */
@RequiredArgsConstructor
public enum Recurrence implements WireName {
    NONE(0), MONTHLY(1), QUARTERLY(3), SEMIANNUAL(6), ANNUAL(12);

    private final int months;

    /** The due date of the next campaign, or null when it does not repeat. */
    public LocalDate next(LocalDate due) {
        return months == 0 ? null : due.plusMonths(months);
    }
}
