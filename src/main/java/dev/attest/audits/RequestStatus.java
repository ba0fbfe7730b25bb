package dev.attest.audits;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** A request's place in the loop: open, submitted, then accepted, or flagged and resubmitted. */
public enum RequestStatus {
    OPEN, SUBMITTED, ACCEPTED, FLAGGED, RESUBMITTED;

    /** Whether the client still owes something (it counts towards "overdue"). */
    public boolean awaitingClient() {
        return this == OPEN || this == FLAGGED;
    }

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
