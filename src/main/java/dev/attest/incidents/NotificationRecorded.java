package dev.attest.incidents;

import dev.attest.identity.WorkspaceId;

import java.util.UUID;

/** A breach notification went out: whom, when, the evidence. */
public record NotificationRecorded(WorkspaceId workspaceId, String actor, UUID incidentId, String summary) implements IncidentEvent {

    public NotificationRecorded {
        summary = IncidentEvent.brief(summary);
    }

    @Override
    public IncidentAction kind() {
        return IncidentAction.NOTIFIED;
    }
}
