package dev.attest.incidents;

import dev.attest.identity.WorkspaceEvent;
import dev.attest.identity.WorkspaceId;

import java.util.UUID;

/** Someone reported an incident. */
public record IncidentReported(WorkspaceId workspaceId, String actor, UUID incidentId, String title) implements WorkspaceEvent {

    @Override
    public String action() {
        return "incidents.reported";
    }

    @Override
    public String target() {
        return "incident:" + incidentId;
    }

    @Override
    public String summary() {
        return "reported " + title;
    }
}
