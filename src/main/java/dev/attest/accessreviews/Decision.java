package dev.attest.accessreviews;

import java.util.Locale;

/** A reviewer's verdict on one account: keep it, revoke it, or change it to other roles. */
public enum Decision {
    KEEP, REVOKE, CHANGE;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static java.util.Optional<Decision> parse(String value) {
        for (Decision d : values()) {
            if (d.wireName().equals(value)) {
                return java.util.Optional.of(d);
            }
        }
        return java.util.Optional.empty();
    }

    /** Revoke and change need someone to act on the system, so they open a remediation task. */
    public boolean needsRemediation() {
        return this != KEEP;
    }
}
