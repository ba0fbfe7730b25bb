package dev.attest.incidents;

import dev.attest.identity.WorkspaceId;

import java.util.UUID;

/** A post-mortem action item was added. */
public record ActionItemAdded(WorkspaceId workspaceId, String actor, UUID incidentId, String summary) implements IncidentEvent {

    public ActionItemAdded {
        summary = IncidentEvent.brief(summary);
    }

    @Override
    public IncidentAction kind() {
        return IncidentAction.ACTION_ADDED;
    }
}
