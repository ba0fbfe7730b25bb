package dev.attest.privacy;

import java.util.Locale;

/** How a request ends: fulfilled (everything done, response sent) or denied (with the reason told to the requester). */
public enum RequestOutcome {
    FULFILLED, DENIED;

    /** The lower-case name used on the wire and in the database. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
