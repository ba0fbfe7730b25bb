package dev.attest.incidents;

import dev.attest.identity.WorkspaceId;

import java.util.UUID;

/** A post-mortem action item was marked not done. */
public record ActionItemReopened(WorkspaceId workspaceId, String actor, UUID incidentId, String summary) implements IncidentEvent {

    public ActionItemReopened {
        summary = IncidentEvent.brief(summary);
    }

    @Override
    public IncidentAction kind() {
        return IncidentAction.ACTION_REOPENED;
    }
}
