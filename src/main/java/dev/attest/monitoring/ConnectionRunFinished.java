package dev.attest.monitoring;

import dev.attest.identity.WorkspaceId;

import java.util.UUID;

/** A connection's run ended, with resources collected or with an error. */
public record ConnectionRunFinished(WorkspaceId workspaceId, UUID connectionId, UUID runId, String status, Integer resourcesSeen,
                                    String error, String actor) implements MonitoringEvent {

    @Override
    public String action() {
        return "monitoring.run-" + status;
    }

    @Override
    public String target() {
        return "connection:" + connectionId;
    }

    @Override
    public String summary() {
        return "failed".equals(status) ? "run failed: " + error : "run collected " + resourcesSeen + " resource(s)";
    }
}
