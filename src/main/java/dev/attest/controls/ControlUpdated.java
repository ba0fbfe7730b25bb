package dev.attest.controls;

import dev.attest.identity.WorkspaceEvent;
import dev.attest.identity.WorkspaceId;

import java.time.Instant;

/** Someone changed a control's status, owner, justification or notes. */
public record ControlUpdated(WorkspaceId workspaceId, String controlKey, ImplementationStatus previousStatus,
                             ImplementationStatus status, String owner, String actor, Instant at) implements WorkspaceEvent {

    public boolean statusChanged() {
        return previousStatus != status;
    }

    @Override
    public String action() {
        return "controls.updated";
    }

    @Override
    public String target() {
        return "control:" + controlKey;
    }

    @Override
    public String summary() {
        return statusChanged() ? "status " + previousStatus.wireName() + " -> " + status.wireName() : "owner, justification or notes changed";
    }
}
