package dev.attest.accessreviews;

import dev.attest.identity.RecordedAs;
import dev.attest.identity.WorkspaceId;

import java.util.UUID;

/** A review system was created, changed or deleted. */
@RecordedAs("accessreviews.system-saved")
public record SystemSaved(WorkspaceId workspaceId, String actor, UUID systemId, String name, String change) implements AccessReviewEvent.OfSystem {

    @Override
    public String summary() {
        return "system " + name + " " + change;
    }
}
