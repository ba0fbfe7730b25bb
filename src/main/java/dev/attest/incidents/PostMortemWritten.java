package dev.attest.incidents;

import dev.attest.identity.RecordedAs;
import dev.attest.identity.WorkspaceId;

import java.util.UUID;

/** An incident's post-mortem was written or rewritten. */
@RecordedAs("incidents.postmortem-written")
public record PostMortemWritten(WorkspaceId workspaceId, String actor, UUID incidentId, String summary) implements IncidentEvent.OfIncident {

    public PostMortemWritten {
        summary = IncidentEvent.brief(summary);
    }
}
