package dev.attest.incidents;

import dev.attest.identity.WorkspaceId;

import java.util.UUID;

/** A line was added to an incident's timeline. */
public record TimelineNoted(WorkspaceId workspaceId, String actor, UUID incidentId, String summary) implements IncidentEvent {

    public TimelineNoted {
        summary = IncidentEvent.brief(summary);
    }

    @Override
    public IncidentAction kind() {
        return IncidentAction.NOTED;
    }
}
