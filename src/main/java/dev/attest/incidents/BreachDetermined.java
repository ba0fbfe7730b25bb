package dev.attest.incidents;

import dev.attest.identity.WorkspaceId;

import java.util.UUID;

/** An incident was determined to be a breach (again, with new facts): the summary names the clocks started. */
public record BreachDetermined(WorkspaceId workspaceId, String actor, UUID incidentId, String summary) implements IncidentEvent {

    public BreachDetermined {
        summary = IncidentEvent.brief(summary);
    }

    @Override
    public IncidentAction kind() {
        return IncidentAction.BREACH_DETERMINED;
    }
}
