package dev.attest.accessreviews;

import java.util.Locale;

/** Who reviews an account: the system's owner (or the reviewer named for the system), or the account holder's manager. */
public enum ReviewerMode {
    OWNER, MANAGER;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static java.util.Optional<ReviewerMode> parse(String value) {
        for (ReviewerMode m : values()) {
            if (m.wireName().equals(value)) {
                return java.util.Optional.of(m);
            }
        }
        return java.util.Optional.empty();
    }
}
