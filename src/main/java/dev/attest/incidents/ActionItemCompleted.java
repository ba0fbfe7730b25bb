package dev.attest.incidents;

import dev.attest.identity.WorkspaceId;

import java.util.UUID;

/** A post-mortem action item was marked done. */
public record ActionItemCompleted(WorkspaceId workspaceId, String actor, UUID incidentId, String summary) implements IncidentEvent {

    public ActionItemCompleted {
        summary = IncidentEvent.brief(summary);
    }

    @Override
    public IncidentAction kind() {
        return IncidentAction.ACTION_DONE;
    }
}
