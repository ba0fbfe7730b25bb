package dev.attest.incidents;

import dev.attest.identity.RecordedAs;
import dev.attest.identity.WorkspaceId;

import java.util.UUID;

/** A post-mortem action item was marked done. */
@RecordedAs("incidents.action-done")
public record ActionItemCompleted(WorkspaceId workspaceId, String actor, UUID incidentId, String summary) implements IncidentEvent.OfIncident {

    public ActionItemCompleted {
        summary = IncidentEvent.brief(summary);
    }
}
