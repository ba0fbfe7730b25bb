package dev.attest.incidents;

import dev.attest.identity.WorkspaceId;

import java.util.UUID;

/** Someone reported an incident. */
public record IncidentReported(WorkspaceId workspaceId, String actor, UUID incidentId, String title) implements IncidentEvent {

    @Override
    public IncidentAction kind() {
        return IncidentAction.REPORTED;
    }

    @Override
    public String summary() {
        return "reported " + title;
    }
}
