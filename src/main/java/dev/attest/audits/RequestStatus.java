package dev.attest.audits;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.attest.web.WireName;

/** A request's place in the loop: open, submitted, then accepted, or flagged and resubmitted. */
public enum RequestStatus implements WireName {
    OPEN, SUBMITTED, ACCEPTED, FLAGGED, RESUBMITTED;

    /** Whether the client still owes something (it counts towards "overdue"). */
    public boolean awaitingClient() {
        return this == OPEN || this == FLAGGED;
    }

    @JsonValue
    @Override
    public String wireName() {
        return WireName.super.wireName();
    }
}
