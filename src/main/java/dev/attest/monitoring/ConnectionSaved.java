package dev.attest.monitoring;

import dev.attest.identity.WorkspaceId;

import java.util.UUID;

/** Someone created, changed or deleted a connection. */
public record ConnectionSaved(WorkspaceId workspaceId, UUID connectionId, String name, String change, String actor)
        implements MonitoringEvent {

    @Override
    public String action() {
        return "monitoring.connection-" + change;
    }

    @Override
    public String target() {
        return "connection:" + connectionId;
    }

    @Override
    public String summary() {
        return "connection '" + name + "' " + change;
    }
}
