package dev.attest.incidents;

import dev.attest.identity.WorkspaceId;

import java.util.UUID;

/** An incident's post-mortem was written or rewritten. */
public record PostMortemWritten(WorkspaceId workspaceId, String actor, UUID incidentId, String summary) implements IncidentEvent {

    public PostMortemWritten {
        summary = IncidentEvent.brief(summary);
    }

    @Override
    public IncidentAction kind() {
        return IncidentAction.POST_MORTEM_WRITTEN;
    }
}
