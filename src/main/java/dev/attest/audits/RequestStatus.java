package dev.attest.audits;

import dev.attest.web.JsonWireName;

/** A request's place in the loop: open, submitted, then accepted, or flagged and resubmitted. */
public enum RequestStatus implements JsonWireName {
    OPEN, SUBMITTED, ACCEPTED, FLAGGED, RESUBMITTED;

    /** Whether the client still owes something (it counts towards "overdue"). */
    public boolean awaitingClient() {
        return this == OPEN || this == FLAGGED;
    }
}
