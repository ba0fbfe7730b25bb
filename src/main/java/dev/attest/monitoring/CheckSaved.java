package dev.attest.monitoring;

import dev.attest.identity.WorkspaceEvent;
import dev.attest.identity.WorkspaceId;

/** Someone created, changed or deleted one of the workspace's own checks. */
public record CheckSaved(WorkspaceId workspaceId, String checkKey, String change, String actor) implements WorkspaceEvent {

    @Override
    public String action() {
        return "monitoring.check-" + change;
    }

    @Override
    public String target() {
        return "check:" + checkKey;
    }

    @Override
    public String summary() {
        return "check " + checkKey + " " + change;
    }
}
