package dev.attest.controls;

import dev.attest.identity.RecordedAs;
import dev.attest.identity.WorkspaceId;

import java.time.Instant;

/** Someone changed a control's status, owner, justification or notes. */
@RecordedAs("controls.updated")
public record ControlUpdated(WorkspaceId workspaceId, String controlKey, ImplementationStatus previousStatus,
                             ImplementationStatus status, String previousOwner, String owner, String actor, Instant at) implements ControlEvent {

    public boolean statusChanged() {
        return previousStatus != status;
    }

    @Override
    public String target() {
        return "control:" + controlKey;
    }

    @Override
    public String summary() {
        java.util.List<String> changes = new java.util.ArrayList<>();
        if (statusChanged()) {
            changes.add("status " + previousStatus.wireName() + " -> " + status.wireName());
        }
        if (!java.util.Objects.equals(previousOwner, owner)) {
            changes.add("owner " + (previousOwner == null ? "nobody" : previousOwner) + " -> " + (owner == null ? "nobody" : owner));
        }
        return changes.isEmpty() ? "justification or notes changed" : String.join("; ", changes);
    }
}
