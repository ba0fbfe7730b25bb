package dev.attest.privacy;

import dev.attest.identity.RecordedAs;
import dev.attest.identity.WorkspaceId;

import java.util.UUID;

/** A system's task on a request was done. */
@RecordedAs("privacy.request-task-done")
public record SystemTaskDone(WorkspaceId workspaceId, String actor, UUID requestId, String reference, String summary)
        implements PrivacyEvent.OfRequest {
}
