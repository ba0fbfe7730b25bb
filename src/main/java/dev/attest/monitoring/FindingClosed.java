package dev.attest.monitoring;

import dev.attest.identity.WorkspaceEvent;
import dev.attest.identity.WorkspaceId;

import java.util.UUID;

/** A finding closed itself: its check passes again, or its resource or check is gone. */
public record FindingClosed(WorkspaceId workspaceId, UUID findingId, String checkKey, String resourceId, String reason)
        implements WorkspaceEvent {

    @Override
    public String actor() {
        return "system";
    }

    @Override
    public String action() {
        return "monitoring.finding-closed";
    }

    @Override
    public String target() {
        return "finding:" + findingId;
    }

    @Override
    public String summary() {
        return checkKey + " on " + resourceId + ": " + reason;
    }
}
