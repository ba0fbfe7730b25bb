package dev.attest.incidents;

import dev.attest.identity.RecordedAs;
import dev.attest.identity.WorkspaceId;

import java.util.UUID;

/** An incident was closed, with what changed as it closed. */
@RecordedAs("incidents.closed")
public record IncidentClosed(WorkspaceId workspaceId, String actor, UUID incidentId, String summary) implements IncidentEvent.OfIncident {

    public IncidentClosed {
        summary = IncidentEvent.brief(summary);
    }
}
