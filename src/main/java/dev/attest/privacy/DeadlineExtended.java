package dev.attest.privacy;

import dev.attest.identity.RecordedAs;
import dev.attest.identity.WorkspaceId;

import java.util.UUID;

/** A request's deadline was extended, once, with the reason told to the requester. */
@RecordedAs("privacy.request-extended")
public record DeadlineExtended(WorkspaceId workspaceId, String actor, UUID requestId, String reference, String summary)
        implements PrivacyEvent.OfRequest {
}
