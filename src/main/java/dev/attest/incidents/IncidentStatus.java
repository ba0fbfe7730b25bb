package dev.attest.incidents;

/** Where an incident stands: open, contained (no longer spreading), resolved (fixed), closed (all follow-up done). */
public enum IncidentStatus {
    OPEN, CONTAINED, RESOLVED, CLOSED;

    public String wireName() {
        return WireName.of(this);
    }
}
