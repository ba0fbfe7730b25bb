package dev.attest.privacy;

import dev.attest.identity.WorkspaceId;

import java.util.UUID;

/** A task was added for a system that holds the requester's data. */
public record SystemTaskAdded(WorkspaceId workspaceId, String actor, UUID requestId, String reference, String summary)
        implements PrivacyEvent, RequestStep {

    @Override
    public String step() {
        return "task-added";
    }
}
