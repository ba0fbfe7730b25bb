package dev.attest.accessreviews;

import java.util.Locale;

/**
 * A remediation task's state: open; verified (a later collection showed the account gone or changed);
 * closed unverified (closed by hand with a note); or accepted as an exception until a date.
 */
public enum TaskStatus {
    OPEN, VERIFIED, CLOSED_UNVERIFIED, EXCEPTION;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static TaskStatus fromWireName(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }

    public boolean open() {
        return this == OPEN;
    }
}
