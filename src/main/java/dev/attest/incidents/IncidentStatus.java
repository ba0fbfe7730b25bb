package dev.attest.incidents;

import dev.attest.web.WireName;

/** Where an incident stands: open, contained (no longer spreading), resolved (fixed), closed (all follow-up done). */
public enum IncidentStatus implements WireName {
    OPEN, CONTAINED, RESOLVED, CLOSED
}
