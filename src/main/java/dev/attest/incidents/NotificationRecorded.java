package dev.attest.incidents;

import dev.attest.identity.RecordedAs;
import dev.attest.identity.WorkspaceId;

import java.util.UUID;

/** A breach notification went out: whom, when, the evidence. */
@RecordedAs("incidents.notified")
public record NotificationRecorded(WorkspaceId workspaceId, String actor, UUID incidentId, String summary) implements IncidentEvent.OfIncident {

    public NotificationRecorded {
        summary = IncidentEvent.brief(summary);
    }
}
