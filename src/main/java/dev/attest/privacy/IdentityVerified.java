package dev.attest.privacy;

import dev.attest.identity.RecordedAs;
import dev.attest.identity.WorkspaceId;

import java.util.UUID;

/** The requester's identity was verified. */
@RecordedAs("privacy.request-identity-verified")
public record IdentityVerified(WorkspaceId workspaceId, String actor, UUID requestId, String reference, String summary)
        implements PrivacyEvent.OfRequest {
}
