package dev.attest.policies;

/** How a policy stands against its review date: due within 30 days, overdue once the date has passed. */
public enum ReviewState {
    NOT_PUBLISHED, CURRENT, DUE, OVERDUE;

    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
