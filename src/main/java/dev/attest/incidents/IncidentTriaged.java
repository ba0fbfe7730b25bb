package dev.attest.incidents;

import dev.attest.identity.RecordedAs;
import dev.attest.identity.WorkspaceId;

import java.util.UUID;

/** An incident was triaged: the summary lists what changed. */
@RecordedAs("incidents.triaged")
public record IncidentTriaged(WorkspaceId workspaceId, String actor, UUID incidentId, String summary) implements IncidentEvent.OfIncident {

    public IncidentTriaged {
        summary = IncidentEvent.brief(summary);
    }
}
