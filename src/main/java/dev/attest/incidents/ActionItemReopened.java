package dev.attest.incidents;

import dev.attest.identity.RecordedAs;
import dev.attest.identity.WorkspaceId;

import java.util.UUID;

/** A post-mortem action item was marked not done. */
@RecordedAs("incidents.action-reopened")
public record ActionItemReopened(WorkspaceId workspaceId, String actor, UUID incidentId, String summary) implements IncidentEvent.OfIncident {

    public ActionItemReopened {
        summary = IncidentEvent.brief(summary);
    }
}
