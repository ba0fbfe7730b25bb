package dev.attest.controls;

import dev.attest.identity.WorkspaceId;

import java.time.Instant;

/** Someone changed a control's status, owner, justification or notes. */
public record ControlUpdated(WorkspaceId workspaceId, String controlKey, ImplementationStatus previousStatus,
                             ImplementationStatus status, String owner, String actor, Instant at) {

    public boolean statusChanged() {
        return previousStatus != status;
    }
}
