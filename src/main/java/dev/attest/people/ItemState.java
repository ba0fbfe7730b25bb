package dev.attest.people;

import java.util.Locale;

/** Where one onboarding or offboarding item stands. */
public enum ItemState {
    DONE, DUE, OVERDUE;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
