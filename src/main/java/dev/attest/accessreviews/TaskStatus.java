package dev.attest.accessreviews;

import dev.attest.web.WireName;

/**
 * A remediation task's state: open; verified (a later collection showed the account gone or changed);
 * closed unverified (closed by hand with a note); or accepted as an exception until a date.
 */
public enum TaskStatus implements WireName {
    OPEN, VERIFIED, CLOSED_UNVERIFIED, EXCEPTION;

    public boolean open() {
        return this == OPEN;
    }
}
