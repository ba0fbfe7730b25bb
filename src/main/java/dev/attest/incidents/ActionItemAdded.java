package dev.attest.incidents;

import dev.attest.identity.RecordedAs;
import dev.attest.identity.WorkspaceId;

import java.util.UUID;

/** A post-mortem action item was added. */
@RecordedAs("incidents.action-added")
public record ActionItemAdded(WorkspaceId workspaceId, String actor, UUID incidentId, String summary) implements IncidentEvent.OfIncident {

    public ActionItemAdded {
        summary = IncidentEvent.brief(summary);
    }
}
