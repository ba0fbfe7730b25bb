package dev.attest.people;

import dev.attest.web.WireName;

/** Where one onboarding or offboarding item stands; spelt by its wire name, e.g. {@code overdue}. */
public enum ItemState implements WireName {
    DONE, DUE, OVERDUE
}
