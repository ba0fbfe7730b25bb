package dev.attest.incidents;

import dev.attest.identity.WorkspaceId;

import java.util.UUID;

/** An incident was triaged: the summary lists what changed. */
public record IncidentTriaged(WorkspaceId workspaceId, String actor, UUID incidentId, String summary) implements IncidentEvent {

    public IncidentTriaged {
        summary = IncidentEvent.brief(summary);
    }

    @Override
    public IncidentAction kind() {
        return IncidentAction.TRIAGED;
    }
}
