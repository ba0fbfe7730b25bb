package dev.attest.incidents;

import java.util.UUID;

/** A post-mortem action item not yet done, with the incident it came from. */
public record OpenActionItem(UUID incidentId, String incidentTitle, PostMortem.ActionItem item) {
}
