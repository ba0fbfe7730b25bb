package dev.attest.incidents;

import dev.attest.identity.WorkspaceEvent;
import dev.attest.identity.WorkspaceId;

import java.util.UUID;

/**
 * An incident moved on: triaged, noted in its timeline, determined a breach, a notification
 * recorded, its post-mortem written, closed.
 *
 * @param action e.g. {@code incidents.triaged}, {@code incidents.breach-determined}, {@code incidents.notified}
 */
public record IncidentChanged(WorkspaceId workspaceId, String actor, String action, UUID incidentId, String summary)
        implements WorkspaceEvent {

    @Override
    public String target() {
        return "incident:" + incidentId;
    }
}
