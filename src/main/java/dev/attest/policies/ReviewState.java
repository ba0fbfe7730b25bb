package dev.attest.policies;

import dev.attest.web.WireName;

import java.time.LocalDate;
import java.util.Locale;

/** How a policy stands against its review date: due within 30 days, overdue once the date has passed. */
public enum ReviewState implements WireName {
    NOT_PUBLISHED, CURRENT, DUE, OVERDUE;

    /** A review is due this many days before its date. */
    public static final int DUE_SOON_DAYS = 30;

    /** Spelt with hyphens, e.g. {@code not-published}. */
    @Override
    public String wireName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The state of a policy whose current published version is {@code current} (null for none) on {@code today}. */
    public static ReviewState of(PolicyVersion current, LocalDate reviewDue, LocalDate today) {
        if (current == null || reviewDue == null) {
            return NOT_PUBLISHED;
        }
        if (today.isAfter(reviewDue)) {
            return OVERDUE;
        }
        return today.isBefore(reviewDue.minusDays(DUE_SOON_DAYS)) ? CURRENT : DUE;
    }
}
