package dev.attest.privacy;

import dev.attest.identity.RecordedAs;
import dev.attest.identity.WorkspaceId;

import java.util.UUID;

/** A request was given to a member (or to nobody), who owns its deadline. */
@RecordedAs("privacy.request-assigned")
public record RequestAssigned(WorkspaceId workspaceId, String actor, UUID requestId, String reference, String summary)
        implements PrivacyEvent.OfRequest {
}
