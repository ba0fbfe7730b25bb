package dev.attest.incidents;

import dev.attest.identity.RecordedAs;
import dev.attest.identity.WorkspaceId;

import java.util.UUID;

/** An incident was determined to be a breach (again, with new facts): the summary names the clocks started. */
@RecordedAs("incidents.breach-determined")
public record BreachDetermined(WorkspaceId workspaceId, String actor, UUID incidentId, String summary) implements IncidentEvent.OfIncident {

    public BreachDetermined {
        summary = IncidentEvent.brief(summary);
    }
}
