package dev.attest.accessreviews;

import dev.attest.identity.WorkspaceId;

import java.util.UUID;

/** A review system was created, changed or deleted. */
public record SystemSaved(WorkspaceId workspaceId, String actor, UUID systemId, String name, String change) implements AccessReviewEvent {

    @Override
    public AccessReviewEventKind eventKind() {
        return AccessReviewEventKind.SYSTEM_SAVED;
    }

    @Override
    public String target() {
        return "access-system:" + systemId;
    }

    @Override
    public String summary() {
        return "system " + name + " " + change;
    }
}
