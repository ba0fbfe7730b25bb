package dev.attest.privacy;

import dev.attest.identity.RecordedAs;
import dev.attest.identity.WorkspaceId;

import java.util.UUID;

/** A task was added for a system that holds the requester's data. */
@RecordedAs("privacy.request-task-added")
public record SystemTaskAdded(WorkspaceId workspaceId, String actor, UUID requestId, String reference, String summary)
        implements PrivacyEvent.OfRequest {
}
