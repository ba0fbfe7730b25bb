package dev.attest.incidents;

import dev.attest.identity.RecordedAs;
import dev.attest.identity.WorkspaceId;

import java.util.UUID;

/** A line was added to an incident's timeline. */
@RecordedAs("incidents.noted")
public record TimelineNoted(WorkspaceId workspaceId, String actor, UUID incidentId, String summary) implements IncidentEvent.OfIncident {

    public TimelineNoted {
        summary = IncidentEvent.brief(summary);
    }
}
