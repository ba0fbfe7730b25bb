package dev.attest.incidents;

import dev.attest.identity.RecordedAs;
import dev.attest.identity.WorkspaceId;

import java.util.UUID;

/** Someone reported an incident. */
@RecordedAs("incidents.reported")
public record IncidentReported(WorkspaceId workspaceId, String actor, UUID incidentId, String title) implements IncidentEvent.OfIncident {

    @Override
    public String summary() {
        return "reported " + title;
    }
}
