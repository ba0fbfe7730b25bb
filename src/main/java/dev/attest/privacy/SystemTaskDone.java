package dev.attest.privacy;

import dev.attest.identity.WorkspaceId;

import java.util.UUID;

/** A system's task on a request was done. */
public record SystemTaskDone(WorkspaceId workspaceId, String actor, UUID requestId, String reference, String summary)
        implements PrivacyEvent, RequestStep {

    @Override
    public String step() {
        return "task-done";
    }
}
