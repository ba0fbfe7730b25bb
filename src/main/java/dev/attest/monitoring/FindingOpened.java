package dev.attest.monitoring;

import dev.attest.identity.WorkspaceEvent;
import dev.attest.identity.WorkspaceId;

import java.util.UUID;

/** A check failed on a resource and a finding was opened (or opened again) for the control's owner. */
public record FindingOpened(WorkspaceId workspaceId, UUID findingId, String checkKey, String resourceId, String owner,
                            boolean reopened) implements WorkspaceEvent {

    @Override
    public String actor() {
        return "system";
    }

    @Override
    public String action() {
        return "monitoring.finding-opened";
    }

    @Override
    public String target() {
        return "finding:" + findingId;
    }

    @Override
    public String summary() {
        return (reopened ? "failing again: " : "failing: ") + checkKey + " on " + resourceId;
    }
}
